package org.vidiverse.federation.internal;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Actor;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.http.RemoteException;
import org.vidiverse.federation.internal.http.RemoteHttp;

/**
 * Every request this instance makes to another: signed GETs of ActivityPub documents (by the instance actor) and
 * signed POSTs to inboxes (by the sending actor), through the address guard, with bounded sizes, redirects and
 * time. A host the federation gate denies is never contacted.
 */
@Component(service = RemoteClient.class, configurationPid = FederationConfig.PID)
public final class RemoteClient {
    static final String AP_ACCEPT = "application/activity+json, application/ld+json; "
            + "profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final ObjectMapper JSON = ApContext.mapper();

    private final ActorKeys keys;
    private final FederationGate gate;
    private volatile RemoteHttp http;

    @Activate
    public RemoteClient(@Reference ActorKeys keys, @Reference FederationGate gate, FederationConfig config) {
        this.keys = keys;
        this.gate = gate;
        this.http = new RemoteHttp(settings(config));
    }

    @Modified
    void modified(FederationConfig config) {
        RemoteHttp old = http;
        http = new RemoteHttp(settings(config));
        old.close();
    }

    @Deactivate
    void deactivate() {
        http.close();
    }

    private static RemoteHttp.Settings settings(FederationConfig config) {
        return new RemoteHttp.Settings(config.allowLoopback(), config.allowPrivateAddresses(), Duration.ofSeconds(5),
                Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())), config.maxFetchBytes(), 3,
                "Vidiverse (+ActivityPub; PeerTube-compatible)");
    }

    /** Fetches an ActivityPub document, signed by the instance actor. */
    public JsonNode fetchJson(String url) throws RemoteException {
        requireReachable(url);
        RemoteHttp.Response response = http.get(URI.create(url), AP_ACCEPT, keys.signer(keys.instanceActor()));
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new RemoteException(RemoteException.Kind.IO, "not JSON: " + url);
        }
    }

    /** Fetches any document (WebFinger and NodeInfo are plain JSON), unsigned. */
    public JsonNode fetchPlainJson(String url) throws RemoteException {
        requireReachable(url);
        RemoteHttp.Response response = http.get(URI.create(url), "application/jrd+json, application/json", null);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new RemoteException(RemoteException.Kind.IO, "not JSON: " + url);
        }
    }

    /** Fetches a file (a remote video's picture), unsigned, within the size limit. */
    public byte[] fetchBytes(String url, String accept) throws RemoteException {
        requireReachable(url);
        return http.get(URI.create(url), accept, null).body();
    }

    /** Delivers an activity body to an inbox, signed by a local actor. */
    public void post(String inboxUrl, byte[] body, Actor sender) throws RemoteException {
        requireReachable(inboxUrl);
        http.post(URI.create(inboxUrl), "application/activity+json", body, keys.signer(sender));
    }

    private void requireReachable(String url) throws RemoteException {
        String host;
        try {
            host = Activities.host(url);
        } catch (RuntimeException e) {
            host = null;
        }
        if (host == null) {
            throw new RemoteException(RemoteException.Kind.BAD_URL, "bad URL: " + url);
        }
        if (!gate.reachable(host)) {
            throw new RemoteException(RemoteException.Kind.REFUSED_ADDRESS,
                    host + " is not federated with (blocked or outside the allowlist)");
        }
    }
}
