package org.vidiverse.api.media;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Video;

/**
 * Turns uploads into streamable videos: checks the file, creates the video within its owner's quota, keeps the
 * original until a persisted transcoding job has made every rendition, then publishes the video.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MediaPipeline {
    /** The job type of transcoding jobs in the job queue. */
    String TRANSCODING_JOB = "video-transcoding";

    /**
     * Accepts an uploaded file. On success the pipeline owns {@code file} (it moves it); on any failure nothing is
     * left behind: no video row, no job, and {@code file} is deleted.
     *
     * @param video            the metadata; its state is ignored (the video waits for transcoding)
     * @param file             the upload, complete, on the media file system (under {@link MediaStorage#uploads()})
     * @param originalFilename the name the client gave, for its extension
     * @throws CodecException  if the file is not audio or video the codec can read
     * @throws org.vidiverse.api.model.QuotaExceededException if it does not fit the owner's quota
     * @throws IllegalStateException if no codec is available
     */
    default Video accept(NewVideo video, Path file, String originalFilename) throws CodecException {
        return accept(video, file, originalFilename, Map.of());
    }

    /**
     * Accepts an uploaded file with pictures the uploader chose for some of the video's stills. Each picture
     * (JPEG, PNG or WebP, under {@link MediaStorage#uploads()}) is scaled to cover its still's size and
     * centre-cropped before the video is created, and kept in place of the frame the pipeline would take. The
     * pipeline deletes the pictures' files in every case.
     *
     * @throws org.vidiverse.api.model.InvalidInputException if a picture cannot be read as an image (its
     *         parameter is PeerTube's field name: {@code thumbnailfile} or {@code previewfile}); nothing is left
     * @since 1.1
     */
    Video accept(NewVideo video, Path file, String originalFilename, Map<Still, Path> pictures)
            throws CodecException;

    /** A still picture of a video, with PeerTube's size and upload field. */
    enum Still {
        /** The picture of video lists. */
        THUMBNAIL(280, 157, "thumbnailfile"),
        /** The picture the player shows before playing. */
        PREVIEW(850, 480, "previewfile");

        private final int width;
        private final int height;
        private final String field;

        Still(int width, int height, String field) {
            this.width = width;
            this.height = height;
            this.field = field;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** The multipart field PeerTube's upload takes this picture from. */
        public String field() {
            return field;
        }

        /** The folder of this kind of still. */
        public Path directory(MediaStorage storage) {
            return this == THUMBNAIL ? storage.thumbnails() : storage.previews();
        }

        /** Where this still of a video is stored. */
        public Path path(MediaStorage storage, String videoUuid) {
            return directory(storage).resolve(videoUuid + ".jpg");
        }
    }

    /** The largest upload accepted, in bytes; {@code -1} when only quotas limit uploads. */
    long maxUploadBytes();

    /** Schedules a new transcoding of a local video from its best stored rendition or kept original. */
    void retranscode(long videoId);

    /**
     * Where the transcoding of a video stands: waiting in the queue (with how many transcodings are due before it)
     * or running (with its percentage); empty when no transcoding of it is pending or running.
     *
     * @since 1.3
     */
    Optional<TranscodingProgress> transcodingProgress(long videoId);

    /**
     * @param running    whether a node is transcoding the video now
     * @param percent    0 to 100, how far the running transcoding got; 0 while waiting
     * @param jobsAhead  while waiting, how many pending transcodings are queued before this one (at least); 0 when
     *                   running
     */
    record TranscodingProgress(boolean running, int percent, int jobsAhead) {
    }
}
