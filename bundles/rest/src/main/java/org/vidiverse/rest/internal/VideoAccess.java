package org.vidiverse.rest.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.ws.rs.core.SecurityContext;

import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;

/**
 * Finds the video a path names (id, UUID or short UUID) and decides who may see it, as PeerTube's
 * {@code doesVideoExist} and {@code checkCanSeeVideo} do: public videos and unlisted ones named by UUID are open;
 * private, internal, password protected videos and unlisted ones named by numeric id need a login (401), and then
 * the owner or a moderator (403 for others); internal videos are open to any logged-in user. Video passwords are
 * not supported yet, so a password protected video is only seen by its owner and moderators.
 */
final class VideoAccess {
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("[1-9a-km-zA-HJ-NP-Z]{1,24}");
    private static final Pattern COMMENT_ID = Pattern.compile("\\d{1,18}");

    private final VideoStore videos;

    VideoAccess(VideoStore videos) {
        this.videos = videos;
    }

    /** The video, or 400 for an id that is no id, UUID or short UUID, 404 for an unknown one. */
    Video find(String id) {
        return lookup(id).orElseThrow(() -> Problem.notFound("Video not found"));
    }

    private Optional<Video> lookup(String id) {
        String raw = id == null ? "" : id.trim();
        if (NUMERIC_ID.matcher(raw).matches()) {
            return videos.findById(Long.parseLong(raw));
        }
        if (UUID.matcher(raw).matches()) {
            return videos.findByUuid(raw.toLowerCase(Locale.ROOT));
        }
        if (SHORT_UUID.matcher(raw).matches()) {
            return videos.findByShortUuid(raw);
        }
        throw Problem.invalidParam("id", "id must be a video id, UUID or short UUID");
    }

    /**
     * The video, if the caller owns it or moderates: 401 without a valid token, 403 with {@code refusal} for
     * anyone else, and {@link #find}'s 400 and 404.
     */
    Video findManaged(SecurityContext security, String id, String refusal) {
        User user = Caller.require(security);
        Video video = find(id);
        if (!ownsOrModerates(user, video)) {
            throw Problem.forbidden(refusal);
        }
        return video;
    }

    /** The video, if the caller may see it; 401 or 403 otherwise. {@code rawId} is how the path named it. */
    Video findVisible(String rawId, SecurityContext security) {
        Video video = find(rawId);
        checkCanSee(video, rawId, security);
        return video;
    }

    static void checkCanSee(Video video, String rawId, SecurityContext security) {
        VideoPrivacy privacy = video.privacy();
        boolean byNumericId = rawId != null && NUMERIC_ID.matcher(rawId.trim()).matches();
        if (video.blacklisted()) {
            // blocked or held for review: its owner and moderators only, whatever its privacy
            User user = Caller.of(security).orElseThrow(
                    () -> Problem.unauthorized("Authentication is required to see this video"));
            if (!ownsOrModerates(user, video)) {
                throw Problem.forbidden("Cannot fetch information of private/internal/blocked video");
            }
            return;
        }
        if (privacy == VideoPrivacy.PUBLIC || privacy == VideoPrivacy.UNLISTED && !byNumericId) {
            return;
        }
        Optional<User> user = Caller.of(security);
        if (user.isEmpty()) {
            throw Problem.unauthorized(privacy == VideoPrivacy.PASSWORD_PROTECTED
                    ? "Please provide a password to access this password protected video"
                    : "Authentication is required to see this video");
        }
        if (privacy == VideoPrivacy.INTERNAL || ownsOrModerates(user.get(), video)) {
            return;
        }
        throw Problem.forbidden("Cannot fetch information of private/internal/blocked video");
    }

    static boolean ownsOrModerates(User user, Video video) {
        return user.role().atLeast(UserRole.MODERATOR)
                || video.account() != null && video.account().id() == user.accountId();
    }

    /** A comment or thread id from the path; 400 when it is not a number. */
    static long commentId(String name, String raw) {
        if (raw == null || !COMMENT_ID.matcher(raw.trim()).matches()) {
            throw Problem.invalidParam(name, name + " must be a valid id");
        }
        return Long.parseLong(raw.trim());
    }
}
