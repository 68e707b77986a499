package org.vidiverse.moderation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.moderation.Verdict.Decision;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginNames;

public class ModerationServiceImplTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** A real guard with a timeout, so the tests see what the core sees. */
    private final PluginGuard guard = new PluginGuard() {
        @Override
        public <T> T call(Object plugin, String name, Callable<T> call, long timeoutMs) throws PluginCallException {
            Future<T> f = pool.submit(call);
            try {
                return f.get(Math.min(timeoutMs, 200), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                f.cancel(true);
                throw new PluginCallException(name, e.toString(), e);
            }
        }

        @Override
        public boolean isDisabled(Object plugin) {
            return false;
        }
    };
    private final ModerationServiceImpl service = new ModerationServiceImpl(guard);
    private final ModerationSubject upload = ModerationSubject.upload("alice@localhost", "localhost", "My cat",
            "A cat video", List.of("cat"));

    @After
    public void stop() {
        pool.shutdownNow();
    }

    private void add(String name, int ranking, ModerationPolicy policy) {
        service.addPolicy(policy, Map.of(PluginNames.NAME_PROPERTY, name, "service.ranking", ranking));
    }

    @Test
    public void noPolicyAccepts() {
        assertEquals(Decision.ACCEPT, service.moderate(upload).decision());
    }

    @Test
    public void highestRankingDecidesFirst() {
        add("low", 1, s -> Verdict.reject("low says no"));
        add("high", 10, s -> Verdict.hold("high holds"));
        Verdict verdict = service.moderate(upload);
        assertEquals(Decision.HOLD, verdict.decision());
        assertEquals("high", verdict.policy());
        assertEquals(List.of("high", "low"), service.activePolicies());
    }

    @Test
    public void tagsAccumulateAndTheChainGoesOn() {
        add("a", 3, s -> Verdict.tag("cats", List.of("cat")));
        add("b", 2, s -> Verdict.tag("pets", List.of("pet")));
        Verdict verdict = service.moderate(upload);
        assertEquals(Decision.TAG, verdict.decision());
        assertEquals(List.of("cat", "pet"), verdict.tags());
    }

    @Test
    public void throwingPolicyRejects() {
        add("broken", 0, s -> {
            throw new IllegalStateException("bug");
        });
        Verdict verdict = service.moderate(upload);
        assertEquals(Decision.REJECT, verdict.decision());
        assertTrue(verdict.reason().contains("broken"));
    }

    @Test
    public void slowPolicyRejects() {
        add("slow", 0, s -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Verdict.accept();
        });
        assertEquals(Decision.REJECT, service.moderate(upload).decision());
    }

    @Test
    public void nullVerdictRejects() {
        add("null", 0, s -> null);
        assertEquals(Decision.REJECT, service.moderate(upload).decision());
    }

    @Test
    public void removedPolicyIsNoLongerAsked() {
        ModerationPolicy no = s -> Verdict.reject("no");
        add("no", 0, no);
        assertEquals(Decision.REJECT, service.moderate(upload).decision());
        service.removePolicy(no);
        assertEquals(Decision.ACCEPT, service.moderate(upload).decision());
    }
}
