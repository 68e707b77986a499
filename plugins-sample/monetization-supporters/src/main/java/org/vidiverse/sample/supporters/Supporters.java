package org.vidiverse.sample.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who supports which channel, by channel id and username. Kept in {@value #FILE_NAME} in the bundle's data area
 * (it survives restarts and updates of the plugin, and goes when the plugin is uninstalled), one
 * {@code channelId<TAB>username} per line, rewritten whole through a temporary file and an atomic move on every
 * change, so a crash leaves the old list or the new one. Reads and writes are synchronized.
 */
@Component(service = Supporters.class)
public final class Supporters {
    static final String FILE_NAME = "supporters.txt";
    private static final Logger LOG = LoggerFactory.getLogger(Supporters.class);

    private final Path file;
    private final Map<Long, Set<String>> byChannel = new HashMap<>();

    @Activate
    public Supporters(BundleContext context) {
        this(context.getDataFile(FILE_NAME).toPath());
    }

    Supporters(Path file) {
        this.file = file;
        load();
    }

    private synchronized void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                try {
                    byChannel.computeIfAbsent(Long.parseLong(line.substring(0, tab)), k -> new TreeSet<>())
                            .add(line.substring(tab + 1));
                } catch (NumberFormatException e) {
                    LOG.warn("Ignored a malformed line of {}", file);
                }
            }
            LOG.info("Loaded the supporters of {} channels from {}", byChannel.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the supporters from " + file, e);
        }
    }

    synchronized boolean isSupporter(long channelId, String username) {
        Set<String> names = byChannel.get(channelId);
        return names != null && names.contains(username);
    }

    synchronized List<String> of(long channelId) {
        return List.copyOf(byChannel.getOrDefault(channelId, Set.of()));
    }

    /** Returns whether the user was not a supporter yet. */
    synchronized boolean grant(long channelId, String username) {
        boolean added = byChannel.computeIfAbsent(channelId, k -> new TreeSet<>()).add(username);
        if (added) {
            try {
                save();
            } catch (UncheckedIOException e) {
                byChannel.get(channelId).remove(username);   // memory stays what the file says
                throw e;
            }
        }
        return added;
    }

    /** Returns whether the user was a supporter. */
    synchronized boolean revoke(long channelId, String username) {
        Set<String> names = byChannel.get(channelId);
        boolean removed = names != null && names.remove(username);
        if (removed) {
            try {
                save();
            } catch (UncheckedIOException e) {
                names.add(username);   // memory stays what the file says
                throw e;
            }
            if (names.isEmpty()) {
                byChannel.remove(channelId);
            }
        }
        return removed;
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        byChannel.forEach((channel, names) -> names.forEach(name -> lines.add(channel + "\t" + name)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            try {
                Files.write(temp, lines, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the supporters to " + file, e);
        }
    }
}
