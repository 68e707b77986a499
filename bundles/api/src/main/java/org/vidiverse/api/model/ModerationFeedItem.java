package org.vidiverse.api.model;

/**
 * One verified entry of a fetched moderation feed, as a sync hands it to the store.
 *
 * @param target    a host, or a handle {@code name@host}
 * @param targetUrl the account's ActivityPub id, null for servers
 * @param accountId the account as stored here, null for servers and for accounts not found here (yet)
 * @since 1.3
 */
public record ModerationFeedItem(ModerationFeedEntry.Kind kind, String target, String targetUrl, String reason,
                                 Long accountId) {
}
