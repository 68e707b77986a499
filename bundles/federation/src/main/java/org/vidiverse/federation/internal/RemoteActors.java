package org.vidiverse.federation.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.RemoteActor;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ActorDocuments;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Remote actors by URL or handle: from the database while fresh, else fetched (signed GET), checked and stored. A
 * channel's owner is stored before the channel. Handles are found with WebFinger.
 */
@Component(service = RemoteActors.class)
public final class RemoteActors {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteActors.class);

    private final ActorStore actors;
    private final RemoteClient remote;
    private final FederationGate gate;
    private final InstanceIdentity instance;
    private final org.vidiverse.api.moderation.ModerationService moderation;

    @Activate
    public RemoteActors(@Reference ActorStore actors, @Reference RemoteClient remote, @Reference FederationGate gate,
                        @Reference InstanceIdentity instance,
                        @Reference org.vidiverse.api.moderation.ModerationService moderation) {
        this.moderation = moderation;
        this.actors = actors;
        this.remote = remote;
        this.gate = gate;
        this.instance = instance;
    }

    /**
     * The moderation chain on an actor about to become known here. A rejection keeps it out (and with it whatever
     * it sent); other verdicts let it in: its videos and comments meet the chain on their own.
     */
    private void refuseUnlessLetIn(RemoteActor actor) throws UnavailableActor {
        org.vidiverse.api.moderation.Verdict verdict = moderation.moderate(
                new org.vidiverse.api.moderation.ModerationSubject(
                        org.vidiverse.api.moderation.SubjectKind.REMOTE_ACTOR, actor.name() + "@" + actor.host(),
                        actor.host(), actor.displayName(), actor.summary(), java.util.List.of(),
                        java.util.Map.of("type", actor.type().name())));
        if (verdict.decision() == org.vidiverse.api.moderation.Verdict.Decision.REJECT) {
            throw new UnavailableActor(actor.url() + " refused by moderation: " + verdict.reason(), false);
        }
    }

    /** Why an actor could not be had. */
    public static final class UnavailableActor extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        UnavailableActor(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    /** A known actor, local or remote, without any fetch. */
    public Optional<Actor> known(String url) {
        return actors.findByUrl(stripFragment(url));
    }

    /** The actor at {@code url}: stored and fresh, or fetched now (a stale one is refreshed, kept if that fails). */
    public Actor resolve(String url) throws UnavailableActor {
        String actorUrl = stripFragment(url);
        Optional<Actor> stored = actors.findByUrl(actorUrl);
        if (stored.isPresent() && (stored.get().local() || fresh(stored.get()))) {
            return stored.get();
        }
        try {
            return fetch(actorUrl, 0);
        } catch (UnavailableActor e) {
            if (stored.isPresent()) {
                LOG.debug("Keeping stale {}: {}", actorUrl, e.getMessage());
                return stored.get();
            }
            throw e;
        }
    }

    /** Fetches the actor again whatever its age (an Update of the actor arrived, or its key did not verify). */
    public Actor refresh(String url) throws UnavailableActor {
        String actorUrl = stripFragment(url);
        if (isLocal(actorUrl)) {
            return actors.findByUrl(actorUrl).orElseThrow(() -> new UnavailableActor("no local actor " + actorUrl,
                    false));
        }
        return fetch(actorUrl, 0);
    }

    /**
     * Finds {@code name@host} (a channel or account) or a bare {@code host} (its instance actor) with WebFinger,
     * then resolves the actor.
     */
    public Actor resolveHandle(String target) throws UnavailableActor {
        String handle = target.trim();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        String name;
        String host;
        int at = handle.lastIndexOf('@');
        if (at < 0) {
            name = ActorStore.INSTANCE_ACTOR_NAME;
            host = handle;
        } else {
            name = handle.substring(0, at);
            host = handle.substring(at + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !host.matches("[a-z0-9.-]+(:[0-9]{1,5})?")) {
            throw new UnavailableActor("not a handle or host: " + target, false);
        }
        String scheme = gate.config().remoteScheme();
        String resource = "acct:" + name + "@" + host;
        String url = scheme + "://" + host + "/.well-known/webfinger?resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8);
        JsonNode jrd;
        try {
            jrd = remote.fetchPlainJson(url);
        } catch (RemoteException e) {
            throw new UnavailableActor("WebFinger of " + resource + " failed: " + e.getMessage(), e.retryable());
        }
        for (JsonNode link : jrd.path("links")) {
            String type = link.path("type").asText("");
            if ("self".equals(link.path("rel").asText()) && (type.startsWith("application/activity+json")
                    || type.startsWith("application/ld+json"))) {
                String href = link.path("href").asText("");
                if (!host.equalsIgnoreCase(String.valueOf(Activities.host(href)))) {
                    throw new UnavailableActor("WebFinger of " + resource + " points to another host: " + href,
                            false);
                }
                return resolve(href);
            }
        }
        throw new UnavailableActor("WebFinger of " + resource + " has no ActivityPub link", false);
    }

    private Actor fetch(String url, int depth) throws UnavailableActor {
        if (isLocal(url)) {
            throw new UnavailableActor(url + " is on this instance and unknown", false);
        }
        String host;
        try {
            host = Activities.host(url);
        } catch (RuntimeException e) {
            host = null;
        }
        if (host == null) {
            throw new UnavailableActor("bad actor URL " + url, false);
        }
        JsonNode document;
        try {
            document = remote.fetchJson(url);
        } catch (RemoteException e) {
            throw new UnavailableActor("fetching " + url + " failed: " + e.getMessage(), e.retryable());
        }
        RemoteActor parsed;
        try {
            parsed = ActorDocuments.parse(document, host);
        } catch (InvalidObjectException e) {
            throw new UnavailableActor("bad actor at " + url + ": " + e.getMessage(), false);
        }
        if (!parsed.url().equals(url)) {
            // the id is what counts; fetch by it so that one document cannot claim another's id
            if (depth > 0) {
                throw new UnavailableActor("actor " + url + " names itself " + parsed.url(), false);
            }
            return resolveIdOf(parsed.url(), depth);
        }
        if (parsed.type() == ActorType.GROUP) {
            if (parsed.ownerUrl() == null) {
                throw new UnavailableActor("channel " + url + " has no owner", false);
            }
            if (depth > 1) {
                throw new UnavailableActor("owner chain too deep at " + url, false);
            }
            Optional<Actor> owner = actors.findByUrl(parsed.ownerUrl());
            if (owner.isEmpty() || !fresh(owner.get())) {
                fetch(parsed.ownerUrl(), depth + 1);
            }
        }
        if (actors.findByUrl(parsed.url()).isEmpty()) {
            refuseUnlessLetIn(parsed);
        }
        try {
            return actors.saveRemote(parsed);
        } catch (IllegalArgumentException | org.vidiverse.api.store.NotFoundException
                | org.vidiverse.api.store.DuplicateException e) {
            throw new UnavailableActor("cannot store " + url + ": " + e.getMessage(), false);
        }
    }

    private Actor resolveIdOf(String id, int depth) throws UnavailableActor {
        Optional<Actor> stored = actors.findByUrl(id);
        if (stored.isPresent() && fresh(stored.get())) {
            return stored.get();
        }
        return fetch(id, depth + 1);
    }

    private boolean fresh(Actor actor) {
        Duration age = Duration.between(actor.updatedAt(), Instant.now());
        return age.toHours() < Math.max(1, gate.config().actorRefreshHours());
    }

    boolean isLocal(String url) {
        return url.startsWith(instance.publicUrl() + "/");
    }

    static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
