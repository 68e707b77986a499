package org.vidiverse.sample.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * change, so a crash leaves the old list or the new one.
 * <p>
 * The file is the one truth: the list in memory is reloaded whenever the file changed since it was read (one
 * {@code stat} per question). Two instances over the same file, as a plugin restart can briefly leave (the old
 * REST resource still answering while the new gate already checks), agree on every answer; reads and writes of all
 * instances take one lock.
 */
@Component(service = Supporters.class)
public final class Supporters {
    static final String FILE_NAME = "supporters.txt";
    private static final Logger LOG = LoggerFactory.getLogger(Supporters.class);

    /** Shared by every instance: their read-modify-write of the one file must not interleave. */
    private static final Object FILE_LOCK = new Object();

    private final Path file;
    private final Map<Long, Set<String>> byChannel = new HashMap<>();
    /** What the file looked like when {@link #byChannel} was read from it or written to it; null: no file. */
    private Stamp loaded;

    /** Identifies one version of the file: an atomic move gives a new file key, an edit in place a new time. */
    private record Stamp(Object fileKey, FileTime modified, long size) {
        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }

    @Activate
    public Supporters(BundleContext context) {
        this(context.getDataFile(FILE_NAME).toPath());
    }

    Supporters(Path file) {
        this.file = file;
        synchronized (FILE_LOCK) {
            fresh();
        }
    }

    /** Reloads the list if the file changed since it was last read or written here; call holding the lock. */
    private void fresh() {
        try {
            Stamp now = Stamp.of(file);
            if (Objects.equals(now, loaded)) {
                return;
            }
            byChannel.clear();
            if (now != null) {
                read();
            }
            loaded = now;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the supporters from " + file, e);
        }
    }

    private void read() throws IOException {
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
        LOG.debug("Loaded the supporters of {} channels from {}", byChannel.size(), file);
    }

    boolean isSupporter(long channelId, String username) {
        synchronized (FILE_LOCK) {
            fresh();
            Set<String> names = byChannel.get(channelId);
            return names != null && names.contains(username);
        }
    }

    List<String> of(long channelId) {
        synchronized (FILE_LOCK) {
            fresh();
            return List.copyOf(byChannel.getOrDefault(channelId, Set.of()));
        }
    }

    /** Returns whether the user was not a supporter yet. */
    boolean grant(long channelId, String username) {
        synchronized (FILE_LOCK) {
            fresh();
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
    }

    /** Returns whether the user was a supporter. */
    boolean revoke(long channelId, String username) {
        synchronized (FILE_LOCK) {
            fresh();
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
                loaded = Stamp.of(file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the supporters to " + file, e);
        }
    }
}
