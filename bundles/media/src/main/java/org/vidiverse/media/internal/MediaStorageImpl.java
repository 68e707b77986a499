package org.vidiverse.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.media.MediaStorage;

/** The media folders, under the configured folder or {@code data/media}; created when missing. */
@Component(service = MediaStorage.class, configurationPid = MediaConfig.PID)
@Designate(ocd = MediaConfig.class)
public final class MediaStorageImpl implements MediaStorage {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStorageImpl.class);

    private volatile Path root;

    @Activate
    public MediaStorageImpl(MediaConfig config) {
        modified(config);
    }

    @Modified
    void modified(MediaConfig config) {
        Path next = resolve(config.storageDir());
        try {
            for (Path dir : new Path[] {next, next.resolve(WEB_VIDEOS), next.resolve(HLS), next.resolve(TORRENTS),
                    next.resolve(THUMBNAILS), next.resolve(PREVIEWS), next.resolve(UPLOADS), next.resolve("tmp")}) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folders under " + next, e);
        }
        if (!next.equals(root)) {
            LOG.info("Media stored in {}", next);
        }
        root = next;
    }

    static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        String data = System.getProperty("karaf.data");
        return (data != null ? Paths.get(data) : Paths.get(System.getProperty("java.io.tmpdir"), "vidiverse"))
                .resolve("media").toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    /** Scratch space of running jobs, on the media file system so that results move into place atomically. */
    Path tmp() {
        return root.resolve("tmp");
    }
}
