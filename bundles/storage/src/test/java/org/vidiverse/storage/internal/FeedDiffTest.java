package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.vidiverse.api.model.ModerationFeed.Trust;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedEntry.State;
import org.vidiverse.storage.internal.FeedDiff.Action;
import org.vidiverse.storage.internal.FeedDiff.Key;

public class FeedDiffTest {
    private static final Key SPAM = new Key(Kind.SERVER, "spam.example");
    private static final Key TROLL = new Key(Kind.ACCOUNT, "troll@bad.example");

    @Test
    public void newEntriesAreAppliedUnderApplyTrustAndProposedUnderPropose() {
        assertEquals(Map.of(SPAM, Action.APPLY, TROLL, Action.APPLY),
                FeedDiff.plan(Map.of(), Set.of(SPAM, TROLL), Trust.APPLY));
        assertEquals(Map.of(SPAM, Action.PROPOSE, TROLL, Action.PROPOSE),
                FeedDiff.plan(Map.of(), Set.of(SPAM, TROLL), Trust.PROPOSE));
    }

    @Test
    public void proposalsWaitUnderProposeAndAreAppliedOnceTheTrustIsApply() {
        assertEquals(Map.of(SPAM, Action.KEEP), FeedDiff.plan(Map.of(SPAM, State.PROPOSED), Set.of(SPAM),
                Trust.PROPOSE));
        assertEquals(Map.of(SPAM, Action.APPLY), FeedDiff.plan(Map.of(SPAM, State.PROPOSED), Set.of(SPAM),
                Trust.APPLY));
    }

    @Test
    public void pendingEntriesAreTriedAgainWhateverTheTrust() {
        assertEquals(Map.of(TROLL, Action.APPLY), FeedDiff.plan(Map.of(TROLL, State.PENDING), Set.of(TROLL),
                Trust.PROPOSE));
    }

    @Test
    public void overridesStayWhetherTheFeedStillListsTheTargetOrNot() {
        for (Set<Key> listed : java.util.List.of(Set.of(SPAM), Set.<Key>of())) {
            for (Trust trust : Trust.values()) {
                assertEquals(Map.of(SPAM, Action.KEEP), FeedDiff.plan(Map.of(SPAM, State.OVERRIDDEN), listed,
                        trust));
            }
        }
    }

    @Test
    public void entriesNoLongerListedGoAndOnlyAppliedOnesTakeTheirBlockAlong() {
        assertEquals(Map.of(SPAM, Action.DROP_AND_UNBLOCK, TROLL, Action.DROP),
                FeedDiff.plan(Map.of(SPAM, State.APPLIED, TROLL, State.PROPOSED), Set.of(), Trust.APPLY));
        assertEquals(Map.of(TROLL, Action.DROP), FeedDiff.plan(Map.of(TROLL, State.PENDING), Set.of(),
                Trust.APPLY));
    }

    @Test
    public void appliedEntriesStillListedAreKept() {
        assertEquals(Map.of(SPAM, Action.KEEP), FeedDiff.plan(Map.of(SPAM, State.APPLIED), Set.of(SPAM),
                Trust.PROPOSE));
    }
}
