package org.vidiverse.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import java.util.Map;

import org.vidiverse.api.plugin.ExtensionPoint;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginNames;

public class PluginPlatformTest {
    private final Object plugin = new Object();
    private final PluginPlatform platform = new PluginPlatform(config(3));

    @After
    public void stop() {
        platform.deactivate();
    }

    @Test
    public void answerWithinTimeIsReturned() throws Exception {
        assertEquals("ok", platform.call(plugin, "p", () -> "ok", 1_000));
    }

    @Test
    public void slowPluginIsCutOffAtTheTimeoutAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();
        try {
            platform.call(plugin, "slow", () -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "late";
            }, 100);
            fail("expected a timeout");
        } catch (PluginCallException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no answer within 100 ms"));
        }
        assertTrue("caller waited too long", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        assertTrue("plugin thread was not interrupted", interrupted.await(2, TimeUnit.SECONDS));
    }

    @Test
    public void exceptionFromPluginBecomesPluginCallException() {
        try {
            platform.call(plugin, "broken", () -> {
                throw new IllegalStateException("boom");
            }, 1_000);
            fail("expected a failure");
        } catch (PluginCallException e) {
            assertEquals("broken", e.pluginName());
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }

    @Test
    public void errorsFromPluginAreCaughtToo() {
        try {
            platform.call(plugin, "linkage", () -> {
                throw new NoClassDefFoundError("missing/Import");
            }, 1_000);
            fail("expected a failure");
        } catch (PluginCallException e) {
            assertTrue(e.getCause() instanceof NoClassDefFoundError);
        }
    }

    @Test
    public void normalizesPublicUrl() {
        assertEquals("http://127.0.0.1:9001", InstanceSettingsImpl.normalizeUrl("http://127.0.0.1:9001/"));
        assertEquals("https://v.example.org", InstanceSettingsImpl.normalizeUrl(" https://v.example.org "));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesRelativePublicUrl() {
        InstanceSettingsImpl.normalizeUrl("localhost:9000");
    }

    @Test
    public void untrackedPluginIsNeverDisabled() throws Exception {
        for (int i = 0; i < 5; i++) {
            try {
                platform.call(plugin, "p", () -> {
                    throw new RuntimeException("x");
                }, 1_000);
            } catch (PluginCallException expected) {
                // counted only for tracked contributions
            }
        }
        assertFalse(platform.isDisabled(plugin));
        assertEquals("ok", platform.call(plugin, "p", () -> "ok", 1_000));
    }

    @Test
    public void trackedPluginFailingTooOftenIsDisabledAndListedSo() throws Exception {
        platform.track(ExtensionPoint.MODERATION_POLICY, plugin, Map.of(PluginNames.NAME_PROPERTY, "flaky"),
                "org.example.flaky", "1.0.0");
        for (int i = 0; i < 3; i++) {
            try {
                platform.call(plugin, "flaky", () -> {
                    throw new RuntimeException("down");
                }, 1_000);
                fail("expected a failure");
            } catch (PluginCallException expected) {
                // counted
            }
        }
        assertTrue(platform.isDisabled(plugin));
        PluginInfo info = platform.list().get(0);
        assertEquals("flaky", info.name());
        assertEquals(PluginInfo.State.DISABLED, info.state());
        assertEquals(3, info.failures());
        try {
            platform.call(plugin, "flaky", () -> "ok", 1_000);
            fail("a disabled plugin must not be called");
        } catch (PluginCallException e) {
            assertTrue(e.getMessage().contains("disabled"));
        }
    }

    @Test
    public void successResetsTheFailuresInARow() throws Exception {
        platform.track(ExtensionPoint.CODEC, plugin, Map.of(), "b", "1");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2; i++) {
                try {
                    platform.call(plugin, "c", () -> {
                        throw new RuntimeException("x");
                    }, 1_000);
                } catch (PluginCallException expected) {
                    // two in a row, then a success
                }
            }
            platform.call(plugin, "c", () -> "ok", 1_000);
        }
        assertFalse(platform.isDisabled(plugin));
        platform.untrack(plugin);
        assertTrue(platform.list().isEmpty());
    }

    static GuardConfig config(int maxFailures) {
        return new GuardConfig() {
            @Override public Class<? extends Annotation> annotationType() { return GuardConfig.class; }
            @Override public int maxConsecutiveFailures() { return maxFailures; }
            @Override public int maxConcurrentCalls() { return 8; }
        };
    }
}
