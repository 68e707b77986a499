package org.vidiverse.api.media;

import java.nio.file.Path;
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
    Video accept(NewVideo video, Path file, String originalFilename) throws CodecException;

    /** The largest upload accepted, in bytes; {@code -1} when only quotas limit uploads. */
    long maxUploadBytes();

    /** Schedules a new transcoding of a local video from its best stored rendition or kept original. */
    void retranscode(long videoId);
}
