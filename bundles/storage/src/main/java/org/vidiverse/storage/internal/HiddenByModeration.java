package org.vidiverse.storage.internal;

import java.util.Map;
import org.vidiverse.api.model.ActorType;

/**
 * The JPQL conditions, on a video aliased {@code v}, that leave out what moderation hides from a viewer: videos on
 * the block list, videos of accounts the instance blocked (the block list of its application actor), of instances
 * it blocked, and, for a logged-in viewer, of the accounts and instances that viewer blocked. Listings and searches
 * share them so that both hide the same videos.
 */
final class HiddenByModeration {
    private HiddenByModeration() {
    }

    /**
     * Appends the conditions (each with a leading {@code AND}) and puts their parameters.
     *
     * @param viewerAccountId the viewer's account, or {@code 0} for an anonymous viewer
     */
    static void append(StringBuilder where, Map<String, Object> params, long viewerAccountId,
                       BlockPresence.Blocks blocks) {
        where.append(" AND v.blacklistType IS NULL");
        // each block condition only when such a block exists: they join every candidate video to its channel
        if (blocks.instanceAccounts()) {
            where.append(" AND v.channel.account.id NOT IN (SELECT ib.target.id FROM AccountBlockEntity ib "
                    + "WHERE ib.byAccount.actor.type = :modInstanceType AND ib.byAccount.actor.server IS NULL)");
            params.put("modInstanceType", ActorType.APPLICATION);
        }
        if (blocks.instanceServers()) {
            // NOT IN rather than a correlated NOT EXISTS: Derby 10.14 flattens the latter into a join and then
            // skips the sort of ORDER BY (pages came back in id order)
            where.append(" AND v.channel.actor.id NOT IN (SELECT ma.id FROM ActorEntity ma "
                    + "WHERE ma.server.blocked = true)");
        }
        if (viewerAccountId != 0 && blocks.viewerAccounts()) {
            where.append(" AND v.channel.account.id NOT IN (SELECT ub.target.id FROM AccountBlockEntity ub "
                    + "WHERE ub.byAccount.id = :modViewer)");
            params.put("modViewer", viewerAccountId);
        }
        if (viewerAccountId != 0 && blocks.viewerServers()) {
            where.append(" AND v.channel.actor.id NOT IN (SELECT sa.id FROM ActorEntity sa WHERE sa.server.host IN "
                    + "(SELECT sb.host FROM ServerBlockEntity sb WHERE sb.byAccount.id = :modViewer))");
            params.put("modViewer", viewerAccountId);
        }
    }
}
