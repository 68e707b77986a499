package org.vidiverse.federation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vidiverse.federation.internal.activitypub.ApContext;

/** Answers in ActivityPub's media type, and the test of whether a client asked for it. */
final class ApResponses {
    static final String ACTIVITY_JSON = "application/activity+json; charset=utf-8";
    private static final ObjectMapper JSON = ApContext.mapper();

    private ApResponses() {
    }

    /**
     * Whether the request wants ActivityPub JSON: its Accept names activity+json, ld+json or plain JSON. Browsers
     * (text/html first) get the page instead, as PeerTube serves them.
     */
    static boolean wantsActivityJson(HttpHeaders headers) {
        return org.vidiverse.api.federation.ActivityJson.wanted(headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    static Response json(Object document) {
        try {
            return Response.ok(JSON.writeValueAsBytes(document)).type(ACTIVITY_JSON)
                    .header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain page for people who open an ActivityPub URL in a browser, until the web interface serves it. */
    static Response page(String title, String apiLink) {
        String safe = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + safe + "</title></head><body>"
                + "<h1>" + safe + "</h1><p><a href=\"" + apiLink + "\">" + apiLink + "</a></p></body></html>";
        return Response.ok(html).type("text/html; charset=utf-8").header("Vary", "Accept").build();
    }
}
