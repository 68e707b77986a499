package org.vidiverse.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.QuotaExceededException;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.model.VideoUpdate;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.rest.api.Problem;

/** What both upload protocols share: reading the metadata, checking the channel and quota, handing over the file. */
final class VideoUploads {
    /** PeerTube's answer when the codec cannot read the file. */
    static final int UNPROCESSABLE = 422;
    static final int TOO_LARGE = 413;

    private VideoUploads() {
    }

    /** The new video's metadata from form or JSON fields, checked as PeerTube checks them; the channel must be the caller's. */
    static NewVideo metadata(Map<String, Object> fields, User user, ChannelStore channels) {
        Body body = new Body(fields);
        if (body.string("name", 120) == null) {
            throw new InvalidInputException("name", "name is required (3 to 120 characters)");
        }
        Long channelId = body.integer("channelId");
        if (channelId == null) {
            throw new InvalidInputException("channelId", "channelId is required");
        }
        VideoUpdate meta = VideoEdits.read(fields);
        Channel channel = channels.findChannel(channelId)
                .orElseThrow(() -> new InvalidInputException("channelId", "unknown channel " + channelId));
        if (!channel.local() || channel.owner() == null || channel.owner().id() != user.accountId()) {
            throw Problem.forbidden("Cannot upload to a channel of another account");
        }
        return new NewVideo(channelId, meta.name(), meta.description(), meta.support(),
                meta.privacy() == null ? VideoPrivacy.PRIVATE : meta.privacy(), VideoState.TO_TRANSCODE, 0,
                meta.category(), meta.licence(), meta.language(), meta.tags(), Boolean.TRUE.equals(meta.nsfw()),
                meta.commentsEnabled() == null || meta.commentsEnabled(),
                meta.downloadEnabled() == null || meta.downloadEnabled(),
                meta.waitTranscoding() == null || meta.waitTranscoding());
    }

    /** 413 before any byte is stored when the announced size cannot fit the caller's quota. */
    static void checkQuota(User user, long bytes, UserStore users) {
        if (user.videoQuota() >= 0 && users.videoQuotaUsed(user.id()) + bytes > user.videoQuota()) {
            throw quotaReached("The user video quota is exceeded with this video.");
        }
        if (user.videoQuotaDaily() >= 0 && users.videoQuotaUsedSince(user.id(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(1))) + bytes > user.videoQuotaDaily()) {
            throw quotaReached("The user video daily quota is exceeded with this video.");
        }
    }

    static Problem quotaReached(String message) {
        return new Problem(TOO_LARGE, message, "quota_reached", null);
    }

    /**
     * Hands the complete file to the pipeline and answers as PeerTube does: {@code {"video": {id, uuid, shortUUID}}}.
     * {@code verdict} is the moderation chain's on this upload (not a rejection): its tags go with the video, and a
     * hold puts it on the block list before it can be published.
     */
    static Response accept(MediaPipeline pipeline, ContentModeration moderation, User user, Verdict verdict,
                           NewVideo video, Map<String, Object> fields, Path file, String filename,
                           Map<MediaPipeline.Still, Path> pictures) {
        try {
            Video created = pipeline.accept(ContentModeration.tagged(video, verdict), file, filename, pictures);
            moderation.afterUpload(created, user, verdict,
                    Boolean.TRUE.equals(VideoEdits.read(fields).commentsRequireApproval()));
            return Response.ok(Map.of("video", Map.of("id", created.id(), "uuid", created.uuid(),
                    "shortUUID", created.shortUuid()))).build();
        } catch (CodecException e) {
            throw new Problem(UNPROCESSABLE, "Video file unreadable: " + e.getMessage(), null,
                    Map.of("videofile", e.getMessage()));
        } catch (QuotaExceededException e) {
            throw quotaReached(e.getMessage());
        }
    }

    /** PeerTube's limit for a thumbnail or preview upload. */
    static final long MAX_PICTURE_BYTES = 8L * 1024 * 1024;
    private static final java.util.Set<String> PICTURE_EXTENSIONS = java.util.Set.of(".jpg", ".jpeg", ".png", ".webp");

    /**
     * Checks a still picture part as PeerTube does (extension and size) and copies it under {@code dir}.
     *
     * @throws org.vidiverse.api.model.InvalidInputException naming the part's field
     */
    static Path savePicture(MediaPipeline.Still still, String filename, long size, InputStream in, Path dir)
            throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        if (!PICTURE_EXTENSIONS.contains(extension)) {
            throw new org.vidiverse.api.model.InvalidInputException(still.field(), "This " + still.field()
                    + " is not supported. Please, make sure it is of the following type: .png, .jpg, .jpeg, .webp");
        }
        if (size <= 0 || size > MAX_PICTURE_BYTES) {
            throw new org.vidiverse.api.model.InvalidInputException(still.field(), "The " + still.field()
                    + " must be between 1 byte and " + MAX_PICTURE_BYTES + " bytes");
        }
        Path file = Files.createDirectories(dir).resolve(still.field() + "-" + java.util.UUID.randomUUID()
                + extension);
        try {
            append(in, file, MAX_PICTURE_BYTES);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Copies {@code in} to the end of {@code file}, never past {@code limit} bytes in all.
     *
     * @return bytes the file holds now
     */
    static long append(InputStream in, Path file, long limit) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (size + n > limit) {
                    throw new Problem(TOO_LARGE, "The file is larger than announced or allowed (" + limit + " bytes)",
                            null, null);
                }
                out.write(buffer, 0, n);
                size += n;
            }
        }
        return size;
    }
}
