package org.vidiverse.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;
import org.vidiverse.web.internal.ActorPagesFilter.Redirect;
import org.vidiverse.web.internal.ActorPagesFilter.WatchPage;

public class NegotiationTest {
    @Test
    public void onlyTheActorAndVideoIdsThemselvesAreTakenOver() {
        assertEquals(Optional.of(new Redirect("/a/bob")), ActorPagesFilter.action("GET", "/accounts/bob", "text/html"));
        assertEquals(Optional.of(new Redirect("/c/bob_channel")),
                ActorPagesFilter.action("HEAD", "/video-channels/bob_channel/", "text/html"));
        assertEquals(Optional.of(new WatchPage()), ActorPagesFilter.action("GET", "/videos/watch/abc", "text/html"));
        assertEquals(Optional.empty(), ActorPagesFilter.action("GET", "/accounts/bob/followers", "text/html"));
        assertEquals(Optional.empty(), ActorPagesFilter.action("GET", "/accounts/", "text/html"));
        assertEquals(Optional.empty(), ActorPagesFilter.action("POST", "/accounts/bob", "text/html"));
        assertEquals(Optional.empty(), ActorPagesFilter.action("GET", "/accounts/bob", "application/activity+json"));
    }

    @Test
    public void gzipIsSentOnlyWhenAcceptedWithAPositiveWeight() {
        assertTrue(Http.acceptsGzip("gzip, deflate, br"));
        assertTrue(Http.acceptsGzip("GZIP;q=0.5"));
        assertFalse(Http.acceptsGzip("gzip;q=0"));
        assertFalse(Http.acceptsGzip("gzip; q=0.000"));
        assertFalse(Http.acceptsGzip("br"));
        assertFalse(Http.acceptsGzip(null));
        assertFalse("x-gzip is not gzip", Http.acceptsGzip("x-gzipped"));
    }

    @Test
    public void webRootNamesCannotLeaveIt() {
        assertTrue(WebRoot.safe("assets/index-abc.js"));
        assertFalse(WebRoot.safe("../etc/passwd"));
        assertFalse(WebRoot.safe("assets/../../x"));
        assertFalse(WebRoot.safe("/etc/passwd"));
        assertFalse(WebRoot.safe("assets//x"));
        assertFalse(WebRoot.safe("assets\\..\\x"));
        assertFalse(WebRoot.safe(""));
    }
}
