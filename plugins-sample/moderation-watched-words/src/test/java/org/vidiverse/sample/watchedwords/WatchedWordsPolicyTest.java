package org.vidiverse.sample.watchedwords;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.Test;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict.Decision;

public class WatchedWordsPolicyTest {

    private static WatchedWordsConfig config(String action, String... words) {
        return new WatchedWordsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return WatchedWordsConfig.class; }
            @Override public String[] words() { return words; }
            @Override public String action() { return action; }
        };
    }

    private static ModerationSubject upload(String title, String description) {
        return ModerationSubject.upload("alice@localhost", "localhost", title, description, List.of());
    }

    @Test
    public void wordInTitleIsRejectedWithTheWordAsReason() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("reject", "spam"));
        var verdict = policy.review(upload("Cheap SPAM here", null));
        assertEquals(Decision.REJECT, verdict.decision());
        assertTrue(verdict.reason().contains("SPAM"));
    }

    @Test
    public void wordInDescriptionIsHeldWhenConfiguredSo() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("hold", "casino, lottery"));
        assertEquals(Decision.HOLD, policy.review(upload("Holiday", "won the Lottery!")).decision());
    }

    @Test
    public void onlyWholeWordsMatch() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("reject", "ass"));
        assertEquals(Decision.ACCEPT, policy.review(upload("A class on assets", "grass")).decision());
        assertEquals(Decision.REJECT, policy.review(upload("kick ass", null)).decision());
    }

    @Test
    public void phrasesAndAccentsMatch() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("reject", "free money", "café"));
        assertEquals(Decision.REJECT, policy.review(upload("Get FREE MONEY now", null)).decision());
        assertEquals(Decision.REJECT, policy.review(upload("Le CAFÉ", null)).decision());
    }

    @Test
    public void tagsAreCheckedToo() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("reject", "spam"));
        var subject = ModerationSubject.upload("a@h", "h", "ok", "ok", List.of("fun", "spam"));
        assertEquals(Decision.REJECT, policy.review(subject).decision());
    }

    @Test
    public void settingsChangeAtRuntime() {
        WatchedWordsPolicy policy = new WatchedWordsPolicy(config("reject"));
        assertEquals(Decision.ACCEPT, policy.review(upload("spam", null)).decision());
        policy.modified(config("reject", "spam"));
        assertEquals(Decision.REJECT, policy.review(upload("spam", null)).decision());
    }
}
