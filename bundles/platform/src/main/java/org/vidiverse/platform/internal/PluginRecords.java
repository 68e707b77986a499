package org.vidiverse.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The plugins installed through the manager, kept in {@value #FILE} beside their jars so the list (including
 * uninstalled plugins) is right after a restart, and missing bundles can be installed again from their jars.
 */
final class PluginRecords {
    static final String FILE = "plugins.properties";
    private static final String[] FIELDS = {"file", "source", "version", "installedAt", "updatedAt", "uninstalled"};

    /** One plugin: its kept jar (a file name in the folder), its source and its history. */
    record Entry(String name, String file, String source, String version, Instant installedAt, Instant updatedAt,
                 boolean uninstalled) {

        /** A feature of the features repositories rather than a jar (no file then). */
        boolean isFeature() {
            return source != null && source.startsWith(org.vidiverse.api.plugin.PluginSource.FEATURE_PREFIX);
        }
    }

    private final Path folder;

    PluginRecords(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    synchronized Map<String, Entry> all() {
        Properties props = new Properties();
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.endsWith(".file")) {
                String name = key.substring(0, key.length() - ".file".length());
                entries.put(name, new Entry(name, props.getProperty(key), props.getProperty(name + ".source"),
                        props.getProperty(name + ".version"), instant(props.getProperty(name + ".installedAt")),
                        instant(props.getProperty(name + ".updatedAt")),
                        Boolean.parseBoolean(props.getProperty(name + ".uninstalled"))));
            }
        }
        return entries;
    }

    synchronized Optional<Entry> get(String name) {
        return Optional.ofNullable(all().get(name));
    }

    synchronized void put(Entry entry) {
        Map<String, Entry> entries = all();
        entries.put(entry.name(), entry);
        write(entries);
    }

    private void write(Map<String, Entry> entries) {
        Properties props = new Properties();
        for (Entry e : entries.values()) {
            String[] values = {e.file(), e.source(), e.version(), string(e.installedAt()), string(e.updatedAt()),
                    String.valueOf(e.uninstalled())};
            for (int i = 0; i < FIELDS.length; i++) {
                if (values[i] != null) {
                    props.setProperty(e.name() + "." + FIELDS[i], values[i]);
                }
            }
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".plugins", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                props.store(out, "Plugins installed through the Vidiverse plugin manager");
            }
            Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
