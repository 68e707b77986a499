/**
 * JPA entities of the storage bundle, modelled on PeerTube's schema (actor, account, videoChannel, user, server,
 * video, videoFile, videoStreamingPlaylist, videoComment, actorFollow) plus the persisted job queue. Never
 * exported: other bundles see the api records that the stores map these rows to.
 *
 * <p>Timestamps are {@link java.util.Date} columns because JPA 2.1 (what Karaf exports) has no {@code Instant}
 * mapping. Enum ids that PeerTube's clients know as numbers (privacy, state, role) are stored as those numbers.
 */
package org.vidiverse.storage.internal.entity;
