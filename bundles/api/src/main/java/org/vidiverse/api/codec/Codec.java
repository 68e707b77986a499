package org.vidiverse.api.codec;

import java.nio.file.Path;
import java.util.List;

/**
 * Probes and transcodes media. Register as an OSGi service with a {@code service.ranking}; the core uses the
 * highest-ranked codec that is {@link #available()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Codec {
    long PROBE_TIMEOUT_MS = 30_000;

    /** A short stable name, e.g. {@code ffmpeg} or {@code humble}. */
    String name();

    /** Whether the codec can work now (its binaries or native libraries are present). */
    boolean available();

    /** @throws CodecException if the file is not media the codec understands */
    MediaInfo probe(Path file) throws CodecException;

    /**
     * Produces every rendition of the ladder, decoding the input once where the codec can.
     *
     * @throws CodecException if the input cannot be transcoded; the output folder may then hold partial files,
     *                        which the caller removes
     * @throws InterruptedException if the calling job is cancelled; the codec stops its work
     */
    List<TranscodeOutput> transcode(TranscodeRequest request, ProgressListener progress)
            throws CodecException, InterruptedException;

    /**
     * Writes one frame of a video as a JPEG image of exactly {@code width} x {@code height}, scaled to cover that
     * size and centre-cropped, as PeerTube makes its thumbnails (280x157) and previews (850x480). Callers take the
     * frame at about a third of the duration.
     *
     * <p>The default refuses: codecs that cannot extract stills keep compiling and the caller falls back to a
     * placeholder image.
     *
     * @param atSeconds where to take the frame; a time at or past the end takes a frame near the end
     * @throws CodecException if the input has no video or the frame cannot be extracted
     * @throws InterruptedException if the calling job is cancelled; the codec stops its work
     * @since 1.1
     */
    default void snapshot(Path input, double atSeconds, int width, int height, Path jpegOut)
            throws CodecException, InterruptedException {
        throw new CodecException("The " + name() + " codec cannot extract still images");
    }

    /**
     * Converts a picture (JPEG, PNG or WebP, as uploaded for a thumbnail or preview) to a JPEG image of exactly
     * {@code width} x {@code height}, scaled to cover that size and centre-cropped like {@link #snapshot}. The
     * picture comes from a user: a codec decodes it where a malformed file cannot harm the instance.
     *
     * <p>The default refuses, and the upload that carried the picture is refused with it.
     *
     * @throws CodecException if the input is not a picture the codec can read
     * @throws InterruptedException if the caller is interrupted; the codec stops its work
     * @since 1.2
     */
    default void picture(Path input, int width, int height, Path jpegOut) throws CodecException, InterruptedException {
        throw new CodecException("The " + name() + " codec cannot read pictures");
    }
}
