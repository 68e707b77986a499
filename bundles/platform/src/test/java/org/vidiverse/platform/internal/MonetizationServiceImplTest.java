package org.vidiverse.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.After;
import org.junit.Test;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationProvider;
import org.vidiverse.api.monetization.SupportLink;

public class MonetizationServiceImplTest {
    private static final AccessRequest REQUEST = new AccessRequest("u-1", 7, "bob");
    private final PluginPlatform platform = new PluginPlatform(PluginPlatformTest.config(2));
    private final MonetizationServiceImpl service = new MonetizationServiceImpl(platform);

    @After
    public void stop() {
        platform.deactivate();
    }

    private static MonetizationProvider provider(AccessDecision decision, List<SupportLink> links) {
        return new MonetizationProvider() {
            @Override public String name() { return "p"; }
            @Override public List<SupportLink> supportLinks(long channelId) { return links; }
            @Override public AccessDecision checkAccess(AccessRequest request) { return decision; }
        };
    }

    private static MonetizationProvider broken() {
        return new MonetizationProvider() {
            @Override public String name() { return "broken"; }
            @Override public List<SupportLink> supportLinks(long channelId) { throw new IllegalStateException(); }
            @Override public AccessDecision checkAccess(AccessRequest request) { throw new IllegalStateException(); }
        };
    }

    @Test
    public void withoutProvidersEverythingIsAllowedAndThereAreNoLinks() {
        assertFalse(service.active());
        assertTrue(service.checkAccess(REQUEST).allowed());
        assertEquals(List.of(), service.supportLinks(7));
    }

    @Test
    public void oneRefusalWinsAndCarriesTheProvidersMessage() {
        service.addProvider(provider(AccessDecision.allow(), List.of()), Map.of());
        service.addProvider(provider(AccessDecision.deny("supporters only", "https://x/support"), List.of()),
                Map.of());
        AccessDecision decision = service.checkAccess(REQUEST);
        assertFalse(decision.allowed());
        assertEquals("supporters only", decision.message());
        assertEquals("https://x/support", decision.supportUrl());
    }

    @Test
    public void aThrowingProviderRefusesButAddsNoLinks() {
        service.addProvider(broken(), Map.of());
        SupportLink link = new SupportLink("link", "Tip", "https://tip");
        service.addProvider(provider(AccessDecision.allow(), List.of(link)), Map.of());
        assertFalse(service.checkAccess(REQUEST).allowed());
        assertEquals(List.of(link), service.supportLinks(7));
    }

    @Test
    public void aSlowProviderRefuses() {
        service.addProvider(new MonetizationProvider() {
            @Override public String name() { return "slow"; }
            @Override public List<SupportLink> supportLinks(long channelId) { return List.of(); }
            @Override public AccessDecision checkAccess(AccessRequest request) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return AccessDecision.allow();
            }
        }, Map.of());
        long start = System.nanoTime();
        assertFalse(service.checkAccess(REQUEST).allowed());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
    }

    @Test
    public void aNullAnswerRefuses() {
        service.addProvider(provider(null, null), Map.of());
        assertFalse(service.checkAccess(REQUEST).allowed());
        assertEquals(List.of(), service.supportLinks(7));
    }

    @Test
    public void aDisabledProviderIsSkipped() {
        MonetizationProvider bad = broken();
        platform.track(org.vidiverse.api.plugin.ExtensionPoint.MONETIZATION_PROVIDER, bad, Map.of(), "b", "1");
        service.addProvider(bad, Map.of());
        service.checkAccess(REQUEST);
        service.checkAccess(REQUEST);
        assertTrue(platform.isDisabled(bad));
        assertTrue(service.checkAccess(REQUEST).allowed());
    }

    @Test
    public void aRemovedProviderIsNoLongerAsked() {
        MonetizationProvider denying = provider(AccessDecision.deny("no", null), List.of());
        service.addProvider(denying, Map.of());
        service.removeProvider(denying);
        assertFalse(service.active());
        assertTrue(service.checkAccess(REQUEST).allowed());
    }
}
