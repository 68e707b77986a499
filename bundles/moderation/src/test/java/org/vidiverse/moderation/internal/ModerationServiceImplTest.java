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
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.store.ModerationLogStore;
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

    @Test
    public void everyVerdictOfAChainIsKeptInTheAuditLogAndALogFailureDoesNotChangeIt() {
        List<ModerationLogEntry> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
        service.auditLog = new ModerationLogStore() {
            @Override
            public ModerationLogEntry append(ModerationLogEntry entry) {
                if (entry.subject() != null && entry.subject().contains("explode")) {
                    throw new IllegalStateException("database down");
                }
                kept.add(entry);
                return entry;
            }

            @Override
            public org.vidiverse.api.model.Page<ModerationLogEntry> list(
                    org.vidiverse.api.moderation.SubjectKind kind, Decision decision,
                    org.vidiverse.api.model.PageRequest page) {
                return new org.vidiverse.api.model.Page<>(kept.size(), kept);
            }
        };
        service.moderate(upload);
        assertEquals("without policies an accepted upload is not worth a log line", 0, kept.size());

        add("words", 1, s -> s.title().contains("casino") ? Verdict.hold("casino") : Verdict.accept());
        service.moderate(upload);
        service.moderate(ModerationSubject.upload("bob@localhost", "localhost", "casino   night\nlive", null,
                List.of()));
        assertEquals(Decision.HOLD, service.moderate(ModerationSubject.upload("bob@localhost", "localhost",
                "casino explode", null, List.of())).decision());

        assertEquals(2, kept.size());
        assertEquals(Decision.ACCEPT, kept.get(0).decision());
        ModerationLogEntry held = kept.get(1);
        assertEquals(Decision.HOLD, held.decision());
        assertEquals("words", held.policy());
        assertEquals("casino", held.reason());
        assertEquals("casino night live", held.subject());
        assertEquals("bob@localhost", held.actorHandle());
    }
}
