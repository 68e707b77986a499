package org.vidiverse.storage.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.vidiverse.api.model.ModerationFeed.Trust;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedEntry.State;

/**
 * What a sync does with each entry of a subscribed moderation feed, from the entries this instance has for it and
 * the targets the feed lists now. Pure: the store applies the plan in one transaction.
 *
 * <ul>
 *   <li>a target new to this instance is applied under APPLY trust, proposed under PROPOSE;</li>
 *   <li>a proposal is applied once the trust is APPLY; a pending entry is tried again;</li>
 *   <li>an applied entry stays; an overridden one stays overridden, listed or not (a moderator decided);</li>
 *   <li>an entry no longer listed goes, and an applied one takes its block along (when the feed is its source).</li>
 * </ul>
 */
final class FeedDiff {

    record Key(Kind kind, String target) {
    }

    enum Action {
        /** Block it (or mark it pending when that is not possible yet). */
        APPLY,
        /** Record it as a proposal for moderators. */
        PROPOSE,
        /** Leave its state; refresh what the feed says of it (reason). */
        KEEP,
        /** Forget the entry. */
        DROP,
        /** Forget the entry and remove the block the feed made. */
        DROP_AND_UNBLOCK
    }

    private FeedDiff() {
    }

    static Map<Key, Action> plan(Map<Key, State> existing, Set<Key> listed, Trust trust) {
        Map<Key, Action> plan = new LinkedHashMap<>();
        for (Key key : listed) {
            State state = existing.get(key);
            plan.put(key, state == null ? (trust == Trust.APPLY ? Action.APPLY : Action.PROPOSE) : switch (state) {
                case PROPOSED -> trust == Trust.APPLY ? Action.APPLY : Action.KEEP;
                case PENDING -> Action.APPLY;
                case APPLIED, OVERRIDDEN -> Action.KEEP;
            });
        }
        for (Map.Entry<Key, State> entry : existing.entrySet()) {
            if (!listed.contains(entry.getKey())) {
                plan.put(entry.getKey(), switch (entry.getValue()) {
                    case APPLIED -> Action.DROP_AND_UNBLOCK;
                    case OVERRIDDEN -> Action.KEEP;
                    case PROPOSED, PENDING -> Action.DROP;
                });
            }
        }
        return plan;
    }
}
