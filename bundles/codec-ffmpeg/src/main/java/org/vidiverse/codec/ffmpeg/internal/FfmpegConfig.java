package org.vidiverse.codec.ffmpeg.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Vidiverse FFmpeg codec",
        description = "The default codec: FFmpeg 8 run as a child process. By default the FFmpeg build shipped in the "
                + "bundle is extracted once under the data folder; set both paths to use an FFmpeg of the system.")
public @interface FfmpegConfig {

    @AttributeDefinition(name = "ffmpeg executable", required = false,
            description = "Path of a system ffmpeg to use instead of the bundled one; empty = bundled FFmpeg 8")
    String ffmpegPath() default "";

    @AttributeDefinition(name = "ffprobe executable", required = false,
            description = "Path of the matching ffprobe; empty = the ffprobe beside ffmpegPath, or the bundled one")
    String ffprobePath() default "";

    @AttributeDefinition(name = "Extraction folder", required = false, description = "Where the bundled FFmpeg is "
            + "extracted, one subfolder per build; empty = <karaf.data>/vidiverse/ffmpeg. Instances on one host may "
            + "share a folder: extraction is atomic.")
    String extractionFolder() default "";

    @AttributeDefinition(name = "Encoder threads", description = "x264 frame threads of every rung; 0 shares the cores out among the rungs by their pixels")
    int threads() default 0;

    @AttributeDefinition(name = "x264 preset", description = "Used when a transcode request names none: ultrafast, "
            + "superfast, veryfast, faster, fast, medium, slow, slower, veryslow")
    String preset() default "veryfast";

    @AttributeDefinition(name = "Audio bitrate (kbit/s)", description = "AAC, for every rendition")
    int audioBitrateKbps() default 128;

    @AttributeDefinition(name = "Probe timeout (seconds)")
    int probeTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Snapshot timeout (seconds)", description = "For one thumbnail or preview image")
    int snapshotTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Transcode timeout factor", description = "A transcode is stopped after this many "
            + "times the media's duration (the whole ladder at once)...")
    double transcodeTimeoutFactor() default 10;

    @AttributeDefinition(name = "Minimum transcode timeout (seconds)", description = "...but never before this")
    int transcodeTimeoutMinSeconds() default 600;
}
