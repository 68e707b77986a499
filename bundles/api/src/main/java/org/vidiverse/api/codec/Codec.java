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
}
