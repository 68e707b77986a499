package org.vidiverse.sample.template;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.Test;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.moderation.Verdict.Decision;

public class ShoutingTitlesPolicyTest {

    private static ShoutingTitlesConfig config(int percent, int minLetters, String action) {
        return new ShoutingTitlesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ShoutingTitlesConfig.class; }
            @Override public int maxCapitalsPercent() { return percent; }
            @Override public int minLetters() { return minLetters; }
            @Override public String action() { return action; }
        };
    }

    private static Verdict review(ShoutingTitlesPolicy policy, String title) {
        return policy.review(ModerationSubject.upload("alice@localhost", "localhost", title, null, List.of()));
    }

    @Test
    public void aShoutedTitleIsHeldWithTheCountAsReason() {
        Verdict verdict = review(new ShoutingTitlesPolicy(config(70, 8, "hold")), "WATCH THIS NOW!!!");
        assertEquals(Decision.HOLD, verdict.decision());
        assertTrue(verdict.reason(), verdict.reason().contains("12 of 12"));
    }

    @Test
    public void ordinaryTitlesAndShortAcronymsPass() {
        ShoutingTitlesPolicy policy = new ShoutingTitlesPolicy(config(70, 8, "hold"));
        assertEquals(Decision.ACCEPT, review(policy, "A walk in the Alps").decision());
        assertEquals(Decision.ACCEPT, review(policy, "NASA ESA").decision());
    }

    @Test
    public void newSettingsApplyWithoutANewInstance() {
        ShoutingTitlesPolicy policy = new ShoutingTitlesPolicy(config(70, 8, "hold"));
        policy.modified(config(40, 4, "reject"));
        assertEquals(Decision.REJECT, review(policy, "BIG NEWS today").decision());
    }
}
