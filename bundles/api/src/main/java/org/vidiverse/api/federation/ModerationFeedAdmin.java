package org.vidiverse.api.federation;

import org.vidiverse.api.model.ModerationFeed;

/**
 * Subscribing to other instances' moderation feeds (their signed lists of blocked servers and accounts) and syncing
 * them. Subscriptions, their entries and the moderators' decisions on them are in
 * {@link org.vidiverse.api.store.ModerationFeedStore}. The REST API ({@code /api/v1/server/moderation-feeds}) and
 * the {@code vid:moderation-feed-*} commands use it.
 *
 * @since 1.2
 */
@org.osgi.annotation.versioning.ProviderType
public interface ModerationFeedAdmin {

    /**
     * Subscribes to a moderation feed; a first sync follows in the background.
     *
     * @param target the publishing instance ({@code host[:port]}, its feed at the standard path) or the feed's
     *               http(s) URL
     * @throws org.vidiverse.api.model.InvalidInputException if the target is malformed or this instance
     * @throws org.vidiverse.api.store.DuplicateException    if this instance subscribes to that feed already
     */
    ModerationFeed subscribe(String target, ModerationFeed.Trust trust);

    /**
     * Fetches, verifies and applies the feed now, whatever its schedule.
     *
     * @return the subscription as recorded afterwards: {@code lastError} says whether the sync failed
     * @throws org.vidiverse.api.store.NotFoundException if there is no such subscription
     */
    ModerationFeed sync(long feedId);
}
