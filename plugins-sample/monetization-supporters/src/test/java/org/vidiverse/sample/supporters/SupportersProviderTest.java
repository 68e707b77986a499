package org.vidiverse.sample.supporters;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.SupportLink;

public class SupportersProviderTest {
    private static final String GATED = "11111111-1111-4111-8111-111111111111";
    private static final String OPEN = "22222222-2222-4222-8222-222222222222";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final Fakes fakes = new Fakes();
    private Supporters supporters;
    private SupportersProvider provider;

    @Before
    public void setUp() {
        fakes.video(GATED, "music", "Supporters-Only");
        fakes.video(OPEN, "music");
        supporters = new Supporters(temp.getRoot().toPath().resolve("supporters.txt"));
        provider = new SupportersProvider(fakes.videoStore(), fakes.channelStore(), supporters,
                Fakes.config("supporters-only", "This video is for supporters of {channel}. Become one: {link}",
                        "alice_channel|Tip jar|https://tips.example/alice", "alice_channel|$wallet.example/alice"));
    }

    @Test
    public void videosWithoutTheTagAreOpen() {
        assertTrue(provider.checkAccess(new AccessRequest(OPEN, 3, null)).allowed());
        assertTrue(provider.checkAccess(new AccessRequest("33333333-3333-4333-8333-333333333333", 3, null)).allowed());
    }

    @Test
    public void nonSupportersAreRefusedWithTheChannelsSupportLink() {
        for (String username : new String[] {null, "bob"}) {
            AccessDecision decision = provider.checkAccess(new AccessRequest(GATED, 3, username));
            assertFalse(decision.allowed());
            assertEquals("This video is for supporters of Alice's channel. Become one: https://tips.example/alice",
                    decision.message());
            assertEquals("https://tips.example/alice", decision.supportUrl());
        }
    }

    @Test
    public void supportersOfTheChannelMayWatch() {
        supporters.grant(3, "bob");
        assertTrue(provider.checkAccess(new AccessRequest(GATED, 3, "bob")).allowed());
        supporters.revoke(3, "bob");
        assertFalse(provider.checkAccess(new AccessRequest(GATED, 3, "bob")).allowed());
    }

    @Test
    public void supportingAnotherChannelDoesNotHelp() {
        supporters.grant(99, "bob");
        assertFalse(provider.checkAccess(new AccessRequest(GATED, 3, "bob")).allowed());
    }

    @Test
    public void linksComeFromTheSettingsAndFollowChanges() {
        assertEquals(List.of(new SupportLink("link", "Tip jar", "https://tips.example/alice"),
                new SupportLink("payment-pointer", "Payment pointer", "$wallet.example/alice")),
                provider.supportLinks(3));
        assertEquals(List.of(), provider.supportLinks(4));
        provider.modified(Fakes.config("members", "", "alice_channel|$wallet.example/alice"));
        assertEquals(1, provider.supportLinks(3).size());
        assertTrue("the old tag no longer gates", provider.checkAccess(new AccessRequest(GATED, 3, null)).allowed());
        fakes.video(OPEN, "MEMBERS");
        AccessDecision decision = provider.checkAccess(new AccessRequest(OPEN, 3, null));
        assertFalse(decision.allowed());
        assertEquals("This video is for supporters of Alice's channel.", decision.message());
        assertEquals("$wallet.example/alice", decision.supportUrl());
    }

    @Test
    public void aChannelWithoutLinksIsRefusedWithoutAUrl() {
        provider.modified(Fakes.config("supporters-only", "Ask {channel}: {link}"));
        AccessDecision decision = provider.checkAccess(new AccessRequest(GATED, 3, null));
        assertEquals("Ask Alice's channel: ask its owner", decision.message());
        assertNull(decision.supportUrl());
    }
}
