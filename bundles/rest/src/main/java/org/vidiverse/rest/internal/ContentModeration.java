package org.vidiverse.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.model.VideoUpdate;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.VideoBlacklistStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Problem;

/**
 * Runs the moderation chain on what local users put in: uploads, edits and comments. A rejection is a 403 with
 * the policy's reason and nothing is stored; a hold keeps the content out of sight (a video on the block list as
 * "automatic", a comment held for review) until a moderator approves it; tags are added to the video (the tags
 * {@code nsfw} and {@code sensitive} mark it NSFW instead). Without this component the resources that take content
 * are not published (the reference is mandatory): moderation fails closed.
 */
@Component(service = ContentModeration.class)
public final class ContentModeration {
    private static final Logger LOG = LoggerFactory.getLogger(ContentModeration.class);
    private static final Set<String> NSFW_TAGS = Set.of("nsfw", "sensitive");
    /** PeerTube's limit of tags per video. */
    private static final int MAX_TAGS = 5;

    private final ModerationService moderation;
    private final VideoBlacklistStore blacklist;
    private final InstanceSettings settings;
    private final InstanceIdentity identity;
    private final VideoStore videos;

    @Activate
    public ContentModeration(@Reference ModerationService moderation, @Reference VideoBlacklistStore blacklist,
                             @Reference InstanceSettings settings, @Reference InstanceIdentity identity,
                             @Reference VideoStore videos) {
        this.videos = videos;
        this.moderation = moderation;
        this.blacklist = blacklist;
        this.settings = settings;
        this.identity = identity;
    }

    /** The verdict on a new upload; 403 with the reason when refused. */
    Verdict checkUpload(User user, NewVideo video) {
        return refuseUnlessLetIn(moderation.moderate(new ModerationSubject(SubjectKind.LOCAL_UPLOAD, handle(user),
                identity.host(), video.name(), video.description(), video.tags(),
                Map.of("privacy", video.privacy().name(), "nsfw", video.nsfw()))), "upload");
    }

    /** The upload as it will be stored, with the tags a TAG verdict added. */
    static NewVideo tagged(NewVideo v, Verdict verdict) {
        if (verdict.decision() != Verdict.Decision.TAG) {
            return v;
        }
        return new NewVideo(v.channelId(), v.name(), v.description(), v.support(), v.privacy(), v.state(),
                v.duration(), v.category(), v.licence(), v.language(), withTags(v.tags(), verdict.tags()),
                v.nsfw() || marksNsfw(verdict.tags()), v.commentsEnabled(), v.downloadEnabled(),
                v.waitTranscoding());
    }

    /**
     * After the upload was stored: a held video, or one of a user the instance holds videos of, goes on the block
     * list before anyone can see it (it is still transcoding).
     */
    void afterUpload(Video created, User user, Verdict verdict, boolean commentsRequireApproval) {
        if (commentsRequireApproval) {
            videos.update(created.id(), VideoUpdate.commentsApproval(true));   // PeerTube's comments policy 3
        }
        String reason = verdict.decision() == Verdict.Decision.HOLD ? "Held for review: " + verdict.reason()
                : holdsVideosOf(user) ? "Videos of new users are reviewed by a moderator before they are published"
                : null;
        if (reason != null) {
            hold(created, reason);
        }
    }

    /** The verdict on an edit; 403 when refused, and a held edit puts the video on the block list. */
    VideoUpdate checkEdit(User user, Video before, VideoUpdate update) {
        String name = update.name() != null ? update.name() : before.name();
        String description = update.description() != null ? update.description() : before.description();
        List<String> tags = update.tags() != null ? update.tags() : before.tags();
        Verdict verdict = refuseUnlessLetIn(moderation.moderate(new ModerationSubject(SubjectKind.LOCAL_EDIT,
                handle(user), identity.host(), name, description, tags, Map.of("videoUuid", before.uuid()))), "edit");
        if (verdict.decision() == Verdict.Decision.HOLD && !before.blacklisted()) {
            hold(before, "Edit held for review: " + verdict.reason());
        }
        if (verdict.decision() != Verdict.Decision.TAG) {
            return update;
        }
        return new VideoUpdate(update.name(), update.description(), update.support(), update.privacy(),
                update.category(), update.licence(), update.language(), withTags(tags, verdict.tags()),
                Boolean.TRUE.equals(update.nsfw()) || before.nsfw() && update.nsfw() == null
                        || marksNsfw(verdict.tags()) ? Boolean.TRUE : update.nsfw(),
                update.commentsEnabled(), update.downloadEnabled(), update.waitTranscoding(),
                update.originallyPublishedAt(), update.commentsRequireApproval());
    }

    /**
     * The verdict on a comment by a local user; 403 when refused.
     *
     * @return whether the comment is to be held for review
     */
    boolean checkComment(User user, Video video, String text) {
        Verdict verdict = refuseUnlessLetIn(moderation.moderate(new ModerationSubject(SubjectKind.LOCAL_COMMENT,
                handle(user), identity.host(), null, text, List.of(), Map.of("videoUuid", video.uuid()))),
                "comment");
        boolean videoOwner = video.account() != null && video.account().id() == user.accountId();
        boolean approvalRequired = verdict.decision() == Verdict.Decision.HOLD || video.commentsRequireApproval();
        return approvalRequired && !videoOwner && !user.role().atLeast(UserRole.MODERATOR);
    }

    private void hold(Video video, String reason) {
        try {
            blacklist.block(video.id(), reason, VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED, false);
            LOG.info("Video {} held for review: {}", video.uuid(), reason);
        } catch (DuplicateException alreadyBlocked) {
            // a moderator's block stays as it is
        }
    }

    private boolean holdsVideosOf(User user) {
        if (!settings.autoBlockVideosOfUsers() || user.role().atLeast(UserRole.MODERATOR)) {
            return false;
        }
        int days = settings.autoBlockNewUsersForDays();
        return days == 0 || user.createdAt() == null
                || user.createdAt().isAfter(Instant.now().minus(Duration.ofDays(days)));
    }

    private static Verdict refuseUnlessLetIn(Verdict verdict, String what) {
        if (verdict.decision() == Verdict.Decision.REJECT) {
            throw new Problem(403, "This " + what + " was refused by moderation: "
                    + (verdict.reason() == null ? "no reason given" : verdict.reason()), null, null);
        }
        return verdict;
    }

    private String handle(User user) {
        return user.username() + "@" + identity.host();
    }

    private static boolean marksNsfw(List<String> tags) {
        return tags.stream().anyMatch(t -> NSFW_TAGS.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static List<String> withTags(List<String> own, List<String> added) {
        Set<String> all = new LinkedHashSet<>(own == null ? List.of() : own);
        for (String tag : added) {
            if (all.size() < MAX_TAGS && !NSFW_TAGS.contains(tag.toLowerCase(Locale.ROOT)) && !tag.isBlank()) {
                all.add(tag.strip());
            }
        }
        return new ArrayList<>(all);
    }
}
