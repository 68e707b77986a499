package org.vidiverse.federation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Keeps watched remote videos true to their origin, as PeerTube does: a remote video watched here, last edited on
 * its origin more than a day ago and not fetched by this process for a day, is fetched again in the background
 * (views, edits, renditions); one its origin no longer has (404, 410) is removed, in case its Delete never arrived.
 * When each video was last fetched is remembered for the most recent {@value #REMEMBERED} videos only: forgetting
 * costs one fetch more, never a wrong answer.
 */
@Component(service = RemoteVideoRefresher.class)
public final class RemoteVideoRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteVideoRefresher.class);
    static final Duration STALE_AFTER = Duration.ofDays(1);
    static final int REMEMBERED = 10_000;

    private final VideoStore videos;
    private final ActorStore actors;
    private final RemoteClient remote;
    private final RemoteContent content;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Instant> lastFetched = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Instant> eldest) {
                    return size() > REMEMBERED;
                }
            });
    private final ExecutorService refreshes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-federation-refresh");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public RemoteVideoRefresher(@Reference VideoStore videos, @Reference ActorStore actors,
                                @Reference RemoteClient remote, @Reference RemoteContent content) {
        this.videos = videos;
        this.actors = actors;
        this.remote = remote;
        this.content = content;
    }

    @Deactivate
    void deactivate() {
        refreshes.shutdownNow();
    }

    /** Schedules a refresh of a remote video last stored more than {@link #STALE_AFTER} ago. */
    void refreshIfStale(Video video) {
        Instant now = Instant.now();
        Instant fetched = lastFetched.get(video.url());
        if (video.local() || Duration.between(video.updatedAt(), now).compareTo(STALE_AFTER) < 0
                || fetched != null && Duration.between(fetched, now).compareTo(STALE_AFTER) < 0
                || !inFlight.add(video.url())) {
            return;
        }
        lastFetched.put(video.url(), now);
        try {
            refreshes.execute(() -> {
                try {
                    refresh(video);
                } finally {
                    inFlight.remove(video.url());
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(video.url());
        }
    }

    private void refresh(Video video) {
        try {
            JsonNode object = remote.fetchJson(video.url());
            Actor channel = actors.find(video.channel().id()).orElseThrow();
            content.saveVideo(object, channel);
        } catch (RemoteException e) {
            if (e.kind() == RemoteException.Kind.HTTP_STATUS && (e.status() == 404 || e.status() == 410)) {
                videos.delete(video.id());
                LOG.info("Removed remote video {}: its origin no longer has it", video.url());
            } else {
                LOG.debug("Could not refresh {}: {}", video.url(), e.getMessage());
            }
        } catch (InboxProcessor.Refused | RuntimeException e) {
            LOG.info("Could not refresh {}: {}", video.url(), e.getMessage());
        }
    }
}
