package org.vidiverse.moderation.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.store.ModerationLogStore;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginNames;

/**
 * Runs every moderation policy, highest ranking first. The first REJECT or HOLD ends the chain; TAG verdicts
 * gather their tags and let it continue. A policy that throws, times out or is disabled rejects: moderation
 * fails closed.
 */
@Component(service = ModerationService.class)
public final class ModerationServiceImpl implements ModerationService {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationServiceImpl.class);
    private static final Comparator<RankedPolicy> HIGHEST_FIRST =
            Comparator.comparingInt(RankedPolicy::ranking).reversed().thenComparing(RankedPolicy::name);

    private final PluginGuard guard;
    /** Replaced whole on every change: a moderation running meanwhile sees the old chain or the new, never none. */
    private volatile List<RankedPolicy> policies = List.of();

    record RankedPolicy(ModerationPolicy policy, String name, int ranking) {
    }

    @Activate
    public ModerationServiceImpl(@Reference PluginGuard guard) {
        this.guard = guard;
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    synchronized void addPolicy(ModerationPolicy policy, Map<String, Object> props) {
        List<RankedPolicy> next = new ArrayList<>(policies);
        next.add(new RankedPolicy(policy, PluginNames.of(policy, props), PluginNames.rankingOf(props)));
        next.sort(HIGHEST_FIRST);
        policies = List.copyOf(next);
    }

    synchronized void removePolicy(ModerationPolicy policy) {
        policies = policies.stream().filter(r -> r.policy() != policy).toList();
    }

    /** Where verdicts are kept for moderators; moderation goes on (and says so in the log) without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = DYNAMIC)
    volatile ModerationLogStore auditLog;

    @Override
    public Verdict moderate(ModerationSubject subject) {
        List<RankedPolicy> chain = policies;
        Verdict verdict = run(chain, subject);
        if (!chain.isEmpty() || !verdict.accepted()) {
            audit(subject, verdict);
        }
        return verdict;
    }

    private void audit(ModerationSubject subject, Verdict verdict) {
        ModerationLogStore log = auditLog;
        if (log == null) {
            LOG.warn("No moderation log: {} verdict on {} by {} not kept", verdict.decision(), subject.kind(),
                    subject.actorHandle());
            return;
        }
        try {
            log.append(new ModerationLogEntry(0, null, subject.kind(), subject.actorHandle(), subject.originHost(),
                    describe(subject), verdict.decision(), verdict.policy(), verdict.reason(), verdict.tags()));
        } catch (RuntimeException e) {
            LOG.error("Could not keep the {} verdict on {} by {} in the moderation log", verdict.decision(),
                    subject.kind(), subject.actorHandle(), e);
        }
    }

    /** A video's title, else the start of the text: enough for a moderator to recognise the content. */
    static String describe(ModerationSubject subject) {
        String s = subject.title() != null && !subject.title().isBlank() ? subject.title() : subject.text();
        if (s == null) {
            return null;
        }
        s = s.strip().replaceAll("\\s+", " ");
        return s.length() <= 120 ? s : s.substring(0, 119) + "\u2026";
    }

    private Verdict run(List<RankedPolicy> chain, ModerationSubject subject) {
        List<String> tags = new ArrayList<>();
        List<String> taggedBy = new ArrayList<>();
        for (RankedPolicy ranked : chain) {
            Verdict verdict = ask(ranked, subject);
            switch (verdict.decision()) {
                case ACCEPT -> { }
                case TAG -> {
                    tags.addAll(verdict.tags());
                    taggedBy.add(ranked.name());
                }
                case REJECT, HOLD -> {
                    LOG.info("{} {} by {}: {} ({})", subject.kind(), verdict.decision(), subject.actorHandle(),
                            verdict.reason(), ranked.name());
                    return verdict;
                }
            }
        }
        return tags.isEmpty() ? Verdict.accept()
                : Verdict.tag("tagged by " + String.join(", ", taggedBy), tags).by(String.join(",", taggedBy));
    }

    private Verdict ask(RankedPolicy ranked, ModerationSubject subject) {
        try {
            Verdict verdict = guard.call(ranked.policy(), ranked.name(), () -> ranked.policy().review(subject),
                    ModerationPolicy.TIMEOUT_MS);
            if (verdict == null) {
                return Verdict.reject("moderation policy " + ranked.name() + " gave no verdict").by(ranked.name());
            }
            return verdict.by(ranked.name());
        } catch (PluginCallException e) {
            return Verdict.reject("moderation policy " + ranked.name() + " failed").by(ranked.name());
        }
    }

    @Override
    public List<String> activePolicies() {
        return policies.stream().filter(r -> !guard.isDisabled(r.policy())).map(RankedPolicy::name).toList();
    }
}
