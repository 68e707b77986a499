package org.vidiverse.api.federation;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ActivityJsonTest {
    @Test
    public void activityPubClientsAreRecognisedAndBrowsersAreNot() {
        assertTrue(ActivityJson.wanted(null));
        assertTrue(ActivityJson.wanted(" "));
        assertTrue(ActivityJson.wanted("application/activity+json"));
        assertTrue(ActivityJson.wanted("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(ActivityJson.wanted("application/json"));
        assertFalse(ActivityJson.wanted("text/html,application/json;q=0.9"));
        assertFalse(ActivityJson.wanted("text/html"));
        assertFalse(ActivityJson.wanted("*/*"));
    }
}
