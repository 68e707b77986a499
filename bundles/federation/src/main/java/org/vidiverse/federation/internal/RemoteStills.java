package org.vidiverse.federation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.media.MediaPipeline.Still;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.Video;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * A remote video's thumbnail and preview, copied from its origin into this instance's still folders under the
 * video's uuid, so that clients load them from here as they do local ones (and the origin does not see every
 * viewer). Copies are made in the background after the video is stored; only JPEG is taken, as PeerTube sends.
 */
@Component(service = RemoteStills.class)
public final class RemoteStills {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStills.class);

    private final RemoteClient remote;
    private final MediaStorage storage;
    private final ExecutorService copies = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-federation-stills");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public RemoteStills(@Reference RemoteClient remote, @Reference MediaStorage storage) {
        this.remote = remote;
        this.storage = storage;
    }

    @Deactivate
    void deactivate() {
        copies.shutdownNow();
    }

    /** Copies the stills of a stored remote video whose pictures are new or changed since {@code before}. */
    void copy(Video video, Video before) {
        schedule(video, Still.THUMBNAIL, video.thumbnailUrl(), before == null ? null : before.thumbnailUrl());
        schedule(video, Still.PREVIEW, video.previewUrl(), before == null ? null : before.previewUrl());
    }

    /** Removes the copies of a deleted remote video. */
    void remove(Video video) {
        for (Still still : Still.values()) {
            try {
                Files.deleteIfExists(still.path(storage, video.uuid()));
            } catch (IOException e) {
                LOG.warn("Could not remove the {} of {}: {}", still, video.uuid(), e.toString());
            }
        }
    }

    private void schedule(Video video, Still still, String url, String previousUrl) {
        Path target = still.path(storage, video.uuid());
        if (url == null || url.equals(previousUrl) && Files.exists(target)) {
            return;
        }
        try {
            copies.execute(() -> fetch(url, target));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not copying {}: stopping", url);
        }
    }

    private void fetch(String url, Path target) {
        try {
            byte[] bytes = remote.fetchBytes(url, "image/jpeg, image/*;q=0.8");
            if (bytes.length < 3 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
                LOG.info("Not a JPEG at {}; the video goes without that picture", url);
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".remote-still", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (RemoteException | IOException e) {
            LOG.info("Could not copy {}: {}", url, e.getMessage());
        }
    }
}
