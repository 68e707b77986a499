package org.vidiverse.storage.internal;

import static org.vidiverse.storage.internal.Dates.toInstant;

import java.util.List;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.storage.internal.entity.AccountBlockEntity;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.CommentEntity;
import org.vidiverse.storage.internal.entity.FollowEntity;
import org.vidiverse.storage.internal.entity.JobEntity;
import org.vidiverse.storage.internal.entity.ServerEntity;
import org.vidiverse.storage.internal.entity.StreamingPlaylistEntity;
import org.vidiverse.storage.internal.entity.UserEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.VideoFileEntity;

/**
 * Maps entities to the api records; must run inside the transaction that loaded them (lazy fields).
 * Local actors have no server row, so their host is this instance's host.
 */
final class Mapper {
    private final InstanceIdentity identity;

    Mapper(InstanceIdentity identity) {
        this.identity = identity;
    }

    String host(ActorEntity actor) {
        return actor.getServer() == null ? identity.host() : actor.getServer().getHost();
    }

    ActorRef ref(AccountEntity a) {
        return new ActorRef(a.getId(), a.getActor().getPreferredUsername(), a.getDisplayName(), host(a.getActor()),
                a.getActor().getUrl());
    }

    ActorRef ref(ChannelEntity c) {
        return new ActorRef(c.getId(), c.getActor().getPreferredUsername(), c.getDisplayName(), host(c.getActor()),
                c.getActor().getUrl());
    }

    /** For actors that are neither account nor channel (the instance actor), the name is the display name. */
    ActorRef ref(ActorEntity actor, String displayName) {
        return new ActorRef(actor.getId(), actor.getPreferredUsername(),
                displayName == null ? actor.getPreferredUsername() : displayName, host(actor), actor.getUrl());
    }

    User user(UserEntity u) {
        return new User(u.getId(), u.getUsername(), u.getEmail(), u.isEmailVerified(), role(u.getRole()),
                u.isBlocked(), u.getBlockedReason(), u.getVideoQuota(), u.getVideoQuotaDaily(), u.getNsfwPolicy(),
                u.isP2pEnabled(), u.getAccount() == null ? 0 : u.getAccount().getId(), toInstant(u.getCreatedAt()),
                toInstant(u.getLastLoginAt()), u.isVideosHistoryEnabled());
    }

    Account account(AccountEntity a) {
        ActorEntity actor = a.getActor();
        return new Account(a.getId(), actor.getPreferredUsername(), a.getDisplayName(), a.getDescription(),
                host(actor), actor.isLocal(), actor.getType(), actor.getUrl(),
                a.getUser() == null ? null : a.getUser().getId(), actor.getFollowersCount(),
                actor.getFollowingCount(), toInstant(a.getCreatedAt()), toInstant(a.getUpdatedAt()));
    }

    Channel channel(ChannelEntity c) {
        ActorEntity actor = c.getActor();
        return new Channel(c.getId(), actor.getPreferredUsername(), c.getDisplayName(), c.getDescription(),
                c.getSupport(), host(actor), actor.isLocal(), actor.getUrl(), ref(c.getAccount()),
                actor.getFollowersCount(), toInstant(c.getCreatedAt()), toInstant(c.getUpdatedAt()));
    }

    Video video(VideoEntity v, List<String> tags) {
        return new Video(v.getId(), v.getUuid(), v.getShortUuid(), v.getName(), v.getDescription(), v.getSupport(),
                privacy(v.getPrivacy()), state(v.getState()), v.getDuration(), v.getCategory(), v.getLicence(),
                v.getLanguage(), tags, v.isNsfw(), v.isCommentsEnabled(), v.isDownloadEnabled(),
                v.isWaitTranscoding(), v.getViews(), v.getLikes(), v.getDislikes(), v.getCommentsCount(), v.isLocal(),
                v.getUrl(), ref(v.getChannel()), ref(v.getChannel().getAccount()), toInstant(v.getCreatedAt()),
                toInstant(v.getUpdatedAt()), toInstant(v.getPublishedAt()), toInstant(v.getOriginallyPublishedAt()),
                v.getThumbnailUrl(), v.getPreviewUrl(), v.getBlacklistType() != null,
                v.isCommentsRequireApproval());
    }

    static VideoFile file(VideoFileEntity f) {
        return new VideoFile(f.getId(), f.getVideo().getId(), f.getResolution(), f.getSize(), f.getFps(),
                f.getExtname(), f.getStreamingPlaylist() == null ? null : f.getStreamingPlaylist().getId(),
                f.getFilename(), f.getTorrentFilename(), f.getInfoHash(), f.getFileUrl(), f.getTorrentUrl());
    }

    static HlsPlaylist hls(StreamingPlaylistEntity p) {
        return new HlsPlaylist(p.getId(), p.getVideo().getId(), p.getPlaylistFilename(),
                p.getSegmentsSha256Filename(), p.getPlaylistUrl(), p.getSegmentsSha256Url());
    }

    /**
     * An actor with the names and description of the account or channel that shares its id (at most one of the
     * two is given). The application actor's account carries its name as display name.
     */
    Actor actor(ActorEntity a, AccountEntity account, ChannelEntity channel) {
        String displayName = account != null ? account.getDisplayName()
                : channel != null ? channel.getDisplayName() : a.getPreferredUsername();
        String summary = account != null ? account.getDescription() : channel != null ? channel.getDescription() : null;
        Long ownerId = channel == null ? null : channel.getAccount().getId();
        return new Actor(a.getId(), a.getType(), a.getPreferredUsername(), displayName, summary, host(a), a.isLocal(),
                a.getUrl(), a.getInboxUrl(), a.getSharedInboxUrl(), a.getOutboxUrl(), a.getFollowersUrl(),
                a.getFollowingUrl(), a.getPublicKey(), a.getPrivateKey(), ownerId, a.getFollowersCount(),
                a.getFollowingCount(), toInstant(a.getCreatedAt()), toInstant(a.getUpdatedAt()));
    }

    Comment comment(CommentEntity c) {
        return new Comment(c.getId(), c.getVideo().getId(), c.getThread() == null ? null : c.getThread().getId(),
                c.getInReplyTo() == null ? null : c.getInReplyTo().getId(), c.getText(), ref(c.getAccount()),
                c.getUrl(), c.getDeletedAt() != null, toInstant(c.getCreatedAt()), toInstant(c.getUpdatedAt()),
                c.getDeletedAt() == null ? null : toInstant(c.getUpdatedAt()), 0, 0, c.isHeldForReview());
    }

    AccountBlock accountBlock(AccountBlockEntity b) {
        return new AccountBlock(b.getId(), ref(b.getByAccount()), ref(b.getTarget()), toInstant(b.getCreatedAt()),
                b.getReason(), b.getFeedId());
    }

    Follow follow(FollowEntity f, ActorRef follower, ActorRef following) {
        return new Follow(f.getId(), follower, following, f.getState(), f.getUrl(), toInstant(f.getCreatedAt()),
                toInstant(f.getUpdatedAt()));
    }

    static Job job(JobEntity j) {
        return new Job(j.getId(), j.getType(), j.getState(), j.getPayload(), j.getProgress(), j.getAttempts(),
                j.getMaxAttempts(), j.getError(), j.getClaimedBy(), toInstant(j.getRunAfter()),
                toInstant(j.getCreatedAt()), toInstant(j.getStartedAt()), toInstant(j.getFinishedAt()));
    }

    static RemoteInstance instance(ServerEntity s) {
        return new RemoteInstance(s.getId(), s.getHost(), s.isBlocked(), s.isRedundancyAllowed(),
                toInstant(s.getCreatedAt()), s.getBlockReason(), s.getBlockFeedId(), toInstant(s.getBlockedAt()));
    }

    private static UserRole role(int id) {
        return UserRole.byId(id).orElseThrow(() -> new IllegalStateException("unknown role id " + id));
    }

    private static VideoPrivacy privacy(int id) {
        return VideoPrivacy.byId(id).orElseThrow(() -> new IllegalStateException("unknown privacy id " + id));
    }

    private static VideoState state(int id) {
        return VideoState.byId(id).orElseThrow(() -> new IllegalStateException("unknown video state id " + id));
    }
}
