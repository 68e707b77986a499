package org.vidiverse.federation.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.vidiverse.api.model.Follow;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * The messages of following: Accept and Reject sent to followers, and, when a remote actor accepts a follow of
 * this instance, a first look at its outbox so that its recent videos are here at once (as PeerTube does).
 */
@Component(service = Followers.class)
public final class Followers {
    private static final Logger LOG = LoggerFactory.getLogger(Followers.class);
    /** Outbox pages read after a follow is accepted, newest first. */
    private static final int BACKFILL_PAGES = 2;

    private final DeliveryQueue queue;
    private final ActorKeys keys;
    private final RemoteClient remote;
    private final RemoteContent content;
    private final ExecutorService backfills = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-federation-backfill");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Followers(@Reference DeliveryQueue queue, @Reference ActorKeys keys, @Reference RemoteClient remote,
                     @Reference RemoteContent content) {
        this.queue = queue;
        this.keys = keys;
        this.remote = remote;
        this.content = content;
    }

    @Deactivate
    void deactivate() {
        backfills.shutdownNow();
    }

    /** The Follow activity as the follower sent it (its id is the follow's url). */
    static Map<String, Object> followActivity(Follow follow) {
        return Activities.follow(follow.url(), follow.follower().url(), follow.following().url());
    }

    void sendAccept(Actor followed, Actor follower, Follow follow) {
        Actor sender = keys.withKeys(followed);
        queue.deliver(sender, Activities.accept(sender.url() + "/accepts/follows/" + UUID.randomUUID(), sender.url(),
                followActivity(follow)), List.of(follower.deliveryInbox()));
    }

    void reject(Actor followed, Actor follower, String followActivityId) {
        Actor sender = keys.withKeys(followed);
        queue.deliver(sender, Activities.reject(sender.url() + "/rejects/follows/" + UUID.randomUUID(), sender.url(),
                Activities.follow(followActivityId, follower.url(), followed.url())),
                List.of(follower.deliveryInbox()));
    }

    /** Reads the first pages of a newly followed actor's outbox, in the background. */
    void backfill(Actor followed) {
        if (followed.outboxUrl() == null) {
            return;
        }
        try {
            backfills.execute(() -> readOutbox(followed));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not reading the outbox of {}: stopping", followed.handle());
        }
    }

    private void readOutbox(Actor followed) {
        try {
            JsonNode collection = remote.fetchJson(followed.outboxUrl());
            JsonNode page = collection.path("first");
            if (page.isTextual()) {
                page = remote.fetchJson(page.asText());
            }
            int imported = 0;
            for (int pages = 0; pages < BACKFILL_PAGES && page.isObject(); pages++) {
                for (JsonNode item : page.path("orderedItems")) {
                    String type = item.path("type").asText();
                    if ("Announce".equals(type) || "Create".equals(type)) {
                        try {
                            content.announced(Activities.objectUrl(item), followed);
                            imported++;
                        } catch (InboxProcessor.Refused e) {
                            LOG.debug("Skipping {} from the outbox of {}: {}", Activities.objectUrl(item),
                                    followed.handle(), e.getMessage());
                        }
                    }
                }
                JsonNode next = page.path("next");
                page = next.isTextual() ? remote.fetchJson(next.asText()) : null;
                if (page == null) {
                    break;
                }
            }
            LOG.info("Read the outbox of {}: {} items", followed.handle(), imported);
        } catch (RemoteException | RuntimeException e) {
            LOG.info("Could not read the outbox of {}: {}", followed.handle(), e.getMessage());
        }
    }
}
