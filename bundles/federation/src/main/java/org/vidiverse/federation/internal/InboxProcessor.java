package org.vidiverse.federation.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.RemoteOrigin;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;
import org.vidiverse.federation.internal.http.HttpSignatures;
import org.vidiverse.federation.internal.http.KeyPairs;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Takes one POST to an inbox through the checks in the order that keeps this instance safe and cheap to attack:
 * size and JSON, shape, the federation gate (mode, blocks, policies: before anything is fetched), the HTTP
 * signature (the signer's key may be fetched now), the signer against the activity's actor, the replay check, and
 * only then the handlers (moderation runs inside them, on the content).
 */
@Component(service = InboxProcessor.class)
public final class InboxProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
    private static final ObjectMapper JSON = ApContext.mapper();

    private final FederationGate gate;
    private final RemoteActors remoteActors;
    private final ActorStore actors;
    private final InboxHandlers handlers;
    private final RemoteClient remote;
    private final InstanceIdentity instance;

    @Activate
    public InboxProcessor(@Reference FederationGate gate, @Reference RemoteActors remoteActors,
                          @Reference ActorStore actors, @Reference InboxHandlers handlers,
                          @Reference RemoteClient remote, @Reference InstanceIdentity instance) {
        this.gate = gate;
        this.remoteActors = remoteActors;
        this.actors = actors;
        this.handlers = handlers;
        this.remote = remote;
        this.instance = instance;
    }

    /** The answer to the sender: a status and, for refusals, why. */
    public record Outcome(int status, String detail) {
        static Outcome done() {
            return new Outcome(204, null);
        }
    }

    /** A refusal with its HTTP status, thrown by handlers too. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * @param pathAndQuery the raw request target, for the signature's {@code (request-target)}
     * @param header       request header by lower-case name, {@code null} when absent
     */
    public Outcome process(String pathAndQuery, Function<String, String> header, byte[] body) {
        try {
            handle(pathAndQuery, header, body);
            return Outcome.done();
        } catch (Refused e) {
            LOG.debug("Inbox refused ({}): {}", e.status(), e.getMessage());
            return new Outcome(e.status(), e.getMessage());
        }
    }

    private void handle(String pathAndQuery, Function<String, String> header, byte[] body) throws Refused {
        FederationConfig config = gate.config();
        if (body.length > config.maxInboxBytes()) {
            throw new Refused(413, "activity larger than " + config.maxInboxBytes() + " bytes");
        }
        JsonNode activity;
        try {
            activity = JSON.readTree(body);
        } catch (IOException e) {
            throw new Refused(400, "body is not JSON");
        }
        if (activity == null || !activity.isObject()) {
            throw new Refused(400, "body is not a JSON object");
        }
        try {
            Activities.validateShape(activity);
        } catch (InvalidObjectException e) {
            throw new Refused(400, e.getMessage());
        }
        String type = activity.path("type").asText();
        String actorUrl = Activities.actorUrl(activity);
        String actorHost = actorUrl == null ? null : Activities.host(actorUrl);
        if (actorHost == null) {
            throw new Refused(400, "actor is not an http(s) URL");
        }
        if (actorHost.equalsIgnoreCase(instance.host())) {
            throw new Refused(403, "activities of this instance's own actors are not taken from outside");
        }
        // a quarantined origin is heard, but the videos and comments it sends are held for review (RemoteContent)
        FederationDecision decision = gate.decide(new RemoteOrigin(actorHost, actorUrl, type));
        if (decision == FederationDecision.DENY) {
            throw new Refused(403, actorHost + " is not federated with");
        }
        Actor signer = verifySignature(pathAndQuery, header, body, config);
        JsonNode trusted = activity;
        if (!RemoteActors.stripFragment(signer.url()).equals(actorUrl)) {
            trusted = forwarded(activity, actorHost, signer);
        }
        if (!actors.firstDelivery(activity.path("id").asText())) {
            LOG.debug("Ignoring {} seen before", activity.path("id").asText());
            return;
        }
        String activityId = activity.path("id").asText();
        try {
            Actor actor = RemoteActors.stripFragment(signer.url()).equals(actorUrl) ? signer : resolve(actorUrl);
            handlers.dispatch(trusted, actor);
        } catch (Refused e) {
            if (e.status() >= 500) {
                actors.forgetDelivery(activityId);   // the sender retries, and the retry must be taken
            }
            throw e;
        } catch (RuntimeException e) {
            actors.forgetDelivery(activityId);
            LOG.warn("Processing {} failed", activityId, e);
            throw new Refused(503, "could not process the activity now; retry later");
        }
    }

    /** The actor whose key signed the request, after checking the signature, its date and digest. */
    private Actor verifySignature(String pathAndQuery, Function<String, String> header, byte[] body,
                                  FederationConfig config) throws Refused {
        String signatureHeader = header.apply("signature");
        if (signatureHeader == null) {
            throw new Refused(401, "the request is not signed (no Signature header)");
        }
        HttpSignatures.ParsedSignature signature;
        try {
            signature = HttpSignatures.parse(signatureHeader);
        } catch (HttpSignatures.SignatureException e) {
            throw new Refused(401, "unreadable signature: " + e.getMessage());
        }
        String keyOwner = RemoteActors.stripFragment(signature.keyId());
        String keyHost;
        try {
            keyHost = Activities.host(keyOwner);
        } catch (RuntimeException e) {
            throw new Refused(401, "bad keyId " + signature.keyId());
        }
        if (keyHost == null) {
            throw new Refused(401, "bad keyId " + signature.keyId());
        }
        if (keyHost.equalsIgnoreCase(instance.host()) || !gate.reachable(keyHost)) {
            throw new Refused(403, "signer " + keyOwner + " is not federated with");
        }
        Actor signer = resolve(keyOwner);
        Duration window = Duration.ofSeconds(Math.max(30, config.signatureWindowSeconds()));
        try {
            HttpSignatures.verify(signature, "POST", pathAndQuery, header, body, publicKey(signer), Instant.now(),
                    window);
            return signer;
        } catch (HttpSignatures.SignatureException first) {
            if (!first.getMessage().contains("bad signature")) {
                throw new Refused(401, "signature refused: " + first.getMessage());
            }
        }
        // the actor may have a new key: fetch it once more and try again
        try {
            signer = remoteActors.refresh(keyOwner);
            HttpSignatures.verify(signature, "POST", pathAndQuery, header, body, publicKey(signer), Instant.now(),
                    window);
            return signer;
        } catch (RemoteActors.UnavailableActor | HttpSignatures.SignatureException e) {
            throw new Refused(401, "signature refused: " + e.getMessage());
        }
    }

    /**
     * An activity signed by someone other than its actor: PeerTube forwards comments this way. Only a Create or
     * Update whose object lives on the actor's host is taken, and then as fetched from there, never as sent.
     */
    private JsonNode forwarded(JsonNode activity, String actorHost, Actor signer) throws Refused {
        String type = activity.path("type").asText();
        String objectUrl = Activities.objectUrl(activity);
        if (!("Create".equals(type) || "Update".equals(type)) || objectUrl == null
                || !actorHost.equalsIgnoreCase(String.valueOf(Activities.host(objectUrl)))) {
            throw new Refused(403, "signed by " + signer.url() + " but the actor is " + Activities.actorUrl(activity));
        }
        JsonNode fetched;
        try {
            fetched = remote.fetchJson(objectUrl);
        } catch (RemoteException e) {
            throw new Refused(e.retryable() ? 503 : 403, "forwarded object " + objectUrl + " cannot be fetched: "
                    + e.getMessage());
        }
        if (!objectUrl.equals(fetched.path("id").asText())) {
            throw new Refused(403, "forwarded object " + objectUrl + " is not what its origin serves");
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = activity.deepCopy();
        copy.set("object", fetched);
        return copy;
    }

    private Actor resolve(String url) throws Refused {
        try {
            return remoteActors.resolve(url);
        } catch (RemoteActors.UnavailableActor e) {
            throw new Refused(e.retryable() ? 503 : 401, "actor " + url + " unavailable: " + e.getMessage());
        }
    }

    private static PublicKey publicKey(Actor actor) throws Refused {
        if (actor.publicKeyPem() == null) {
            throw new Refused(401, actor.url() + " has no public key");
        }
        try {
            return KeyPairs.readPublic(actor.publicKeyPem());
        } catch (IllegalArgumentException e) {
            throw new Refused(401, actor.url() + " has an unreadable public key");
        }
    }
}
