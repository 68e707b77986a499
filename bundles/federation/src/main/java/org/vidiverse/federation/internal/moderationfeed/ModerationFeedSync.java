package org.vidiverse.federation.internal.moderationfeed;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.ModerationFeedAdmin;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.ModerationFeedItem;
import org.vidiverse.api.store.ModerationFeedStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.federation.internal.FederationGate;
import org.vidiverse.federation.internal.RemoteActors;
import org.vidiverse.federation.internal.RemoteActors.UnavailableActor;
import org.vidiverse.federation.internal.RemoteClient;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.http.KeyPairs;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Syncs the subscribed moderation feeds: every {@code syncIntervalSeconds} a feed is fetched (through the guarded
 * remote client: address guard, size and time limits, federation blocks), its signature verified with the key of
 * the publishing host's instance actor, its entries read, the accounts it names found (stored, or fetched within a
 * budget), and the diff applied by the store in one transaction. A feed that fails any check changes nothing and
 * its error is recorded. When each feed is due lives in the database (its last attempt), so restarts keep the
 * schedule and nodes sharing the database sync each feed once.
 */
@Component(service = ModerationFeedAdmin.class, configurationPid = ModerationFeedConfig.PID)
public final class ModerationFeedSync implements ModerationFeedAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationFeedSync.class);
    private static final int MIN_INTERVAL_SECONDS = 10;
    private static final int MAX_TICK_SECONDS = 30;
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+(:[0-9]{1,5})?");

    private final ModerationFeedStore feeds;
    private final RemoteClient remote;
    private final RemoteActors actors;
    private final FederationGate gate;
    private final InstanceIdentity identity;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-moderation-feeds");
        t.setDaemon(true);
        return t;
    });
    /** One sync at a time on this node: two overlapping syncs of a feed would see each other as a replay. */
    private final Object syncing = new Object();
    private volatile ModerationFeedConfig config;
    private ScheduledFuture<?> ticks;

    @Activate
    public ModerationFeedSync(@Reference ModerationFeedStore feeds, @Reference RemoteClient remote,
                              @Reference RemoteActors actors, @Reference FederationGate gate,
                              @Reference InstanceIdentity identity, ModerationFeedConfig config) {
        this.feeds = feeds;
        this.remote = remote;
        this.actors = actors;
        this.gate = gate;
        this.identity = identity;
        modified(config);
    }

    @Modified
    synchronized void modified(ModerationFeedConfig config) {
        this.config = config;
        if (ticks != null) {
            ticks.cancel(false);
        }
        long tick = Math.min(MAX_TICK_SECONDS, interval().toSeconds());
        ticks = scheduler.scheduleWithFixedDelay(this::syncDue, tick, tick, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Override
    public ModerationFeed subscribe(String target, ModerationFeed.Trust trust) {
        String t = target == null ? "" : target.trim();
        String url;
        if (t.startsWith("http://") || t.startsWith("https://")) {
            url = t;
        } else if (HOST.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
            url = gate.config().remoteScheme() + "://" + t.toLowerCase(Locale.ROOT) + FeedDocument.PATH;
        } else {
            throw new InvalidInputException("url", "give the publishing instance's host or the feed's http(s) URL");
        }
        String host = url.length() > 1000 ? null : Activities.host(url);
        if (host == null) {
            throw new InvalidInputException("url", "not an http(s) URL: " + url);
        }
        if (host.equalsIgnoreCase(identity.host())) {
            throw new InvalidInputException("url", "an instance does not subscribe to its own feed");
        }
        ModerationFeed feed = feeds.subscribe(url, host, trust);
        LOG.info("Subscribed to the moderation feed {} ({})", url, trust.name().toLowerCase(Locale.ROOT));
        syncDueSoon();
        return feed;
    }

    /** Syncs the due feeds soon, in the background (after a subscription, so that it needs no wait). */
    private void syncDueSoon() {
        try {
            scheduler.execute(this::syncDue);
        } catch (RejectedExecutionException e) {
            LOG.debug("Not syncing moderation feeds: stopping");
        }
    }

    @Override
    public ModerationFeed sync(long feedId) {
        ModerationFeed feed = feeds.find(feedId).orElseThrow(() -> new NotFoundException("moderation feed "
                + feedId));
        sync(feed);
        return feeds.find(feedId).orElseThrow(() -> new NotFoundException("moderation feed " + feedId));
    }

    private void syncDue() {
        try {
            Optional<ModerationFeed> due;
            while (!Thread.currentThread().isInterrupted()
                    && (due = feeds.claimDue(Instant.now(), interval())).isPresent()) {
                sync(due.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("Moderation feed sync stopped: {}", e.toString());
        }
    }

    private void sync(ModerationFeed feed) {
        synchronized (syncing) {
            syncOne(feed);
        }
    }

    private void syncOne(ModerationFeed feed) {
        try {
            JsonNode document = remote.fetchPlainJson(feed.url());
            verify(document, feed.host());
            ModerationFeedConfig c = config;
            FeedDocument.Parsed parsed = FeedDocument.parse(document, feed.host(), Instant.now(),
                    Duration.ofSeconds(gate.config().signatureWindowSeconds()), Math.max(1, c.maxEntries()));
            List<ModerationFeedItem> items = withAccounts(parsed.items(), c.maxAccountFetchesPerSync());
            ModerationFeedStore.SyncResult result = feeds.applySync(feed.id(), parsed.published(), items,
                    parsed.problemSummary());
            boolean changed = result.applied() + result.proposed() + result.removed() + result.pending() > 0
                    || !parsed.problems().isEmpty();
            if (changed || LOG.isDebugEnabled()) {
                String line = "Synced the moderation feed {}: {} applied, {} proposed, {} removed, {} pending{}";
                Object[] args = {feed.url(), result.applied(), result.proposed(), result.removed(), result.pending(),
                        parsed.problems().isEmpty() ? "" : ", " + parsed.problems().size() + " entries ignored"};
                if (changed) {
                    LOG.info(line, args);
                } else {
                    LOG.debug(line, args);
                }
            }
        } catch (RemoteException | InvalidFeedException | IllegalArgumentException e) {
            LOG.info("Moderation feed {} not applied: {}", feed.url(), e.getMessage());
            recordFailure(feed, e.getMessage());
        } catch (NotFoundException e) {
            // the subscription went meanwhile, or an account it names did (then the sync is not applied)
            if (feeds.find(feed.id()).isPresent()) {
                LOG.info("Moderation feed {} not applied: {}", feed.url(), e.getMessage());
                recordFailure(feed, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Moderation feed {} not applied", feed.url(), e);
            recordFailure(feed, e.toString());
        }
    }

    private void recordFailure(ModerationFeed feed, String error) {
        try {
            feeds.recordFailure(feed.id(), error);
        } catch (NotFoundException gone) {
            LOG.debug("Moderation feed {} was removed during its sync", feed.url());
        }
    }

    /**
     * Checks that the publishing host's instance actor signed the document: the key id must be on that host, and
     * its actor is fetched (or read from storage while fresh) through the guarded client. A key that does not
     * verify is fetched again once, in case the publisher changed keys.
     */
    private void verify(JsonNode document, String host) throws InvalidFeedException {
        String keyId = FeedSignature.keyId(document);
        if (!host.equalsIgnoreCase(String.valueOf(Activities.host(keyId)))) {
            throw new InvalidFeedException("the feed is signed by " + keyId + ", not by " + host);
        }
        Actor signer;
        try {
            signer = actors.resolve(keyId);
            if (!FeedSignature.verify(document, publicKey(signer))) {
                signer = actors.refresh(keyId);
                if (!FeedSignature.verify(document, publicKey(signer))) {
                    throw new InvalidFeedException("the signature of the feed does not verify with " + keyId);
                }
            }
        } catch (UnavailableActor e) {
            throw new InvalidFeedException("the signing key " + keyId + " is unavailable: " + e.getMessage());
        }
        if (signer.type() != ActorType.APPLICATION || !keyId.startsWith(signer.url() + "#")) {
            throw new InvalidFeedException("the key " + keyId + " is not the key of " + host + "'s instance actor");
        }
    }

    private static PublicKey publicKey(Actor actor) throws InvalidFeedException {
        if (actor.publicKeyPem() == null) {
            throw new InvalidFeedException("the signing actor " + actor.url() + " has no public key");
        }
        try {
            return KeyPairs.readPublic(actor.publicKeyPem());
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedException("the signing actor's key is unreadable: " + e.getMessage());
        }
    }

    /**
     * The items with the accounts they name as stored here: known ones at once, unknown ones fetched (by their
     * url, or found by WebFinger) up to {@code budget} per sync; the rest stay without an id and wait as pending.
     * Accounts on this instance are never fetched.
     */
    private List<ModerationFeedItem> withAccounts(List<ModerationFeedItem> items, int budget) {
        List<ModerationFeedItem> resolved = new ArrayList<>(items.size());
        int fetches = 0;
        String ownHost = identity.host();
        for (ModerationFeedItem item : items) {
            if (item.kind() != Kind.ACCOUNT || item.target().endsWith("@" + ownHost)) {
                resolved.add(item);
                continue;
            }
            Optional<Actor> known = item.targetUrl() == null ? Optional.empty() : actors.known(item.targetUrl());
            if (known.isEmpty() && fetches < budget) {
                fetches++;
                try {
                    known = Optional.of(item.targetUrl() != null ? actors.resolve(item.targetUrl())
                            : actors.resolveHandle(item.target()));
                } catch (UnavailableActor e) {
                    LOG.debug("Account {} of a moderation feed not found: {}", item.target(), e.getMessage());
                }
            }
            Long accountId = known.filter(a -> a.type() == ActorType.PERSON)
                    .map(Actor::id).orElse(null);
            resolved.add(new ModerationFeedItem(item.kind(), item.target(), item.targetUrl(), item.reason(),
                    accountId));
        }
        return resolved;
    }

    private Duration interval() {
        return Duration.ofSeconds(Math.max(MIN_INTERVAL_SECONDS, config.syncIntervalSeconds()));
    }
}
