package org.vidiverse.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.vidiverse.media}; every value can change while the instance runs. */
@ObjectClassDefinition(name = "Vidiverse media",
        description = "Where media is stored and how uploads are transcoded")
public @interface MediaConfig {
    String PID = "org.vidiverse.media";

    @AttributeDefinition(description = "Media folder; empty means data/media under the instance's data folder")
    String storageDir() default "";

    @AttributeDefinition(description = "Transcoding jobs this node runs at the same time")
    int transcodingConcurrency() default 1;

    @AttributeDefinition(description = "Rendition heights to produce, up to the source's (comma separated)")
    String resolutions() default "144,240,360,480,720,1080,1440,2160";

    @AttributeDefinition(description = "Also produce a rendition at the source's own height when it is not listed")
    boolean keepSourceResolution() default true;

    @AttributeDefinition(description = "Produce HLS (fragmented MP4) renditions")
    boolean hls() default true;

    @AttributeDefinition(description = "Produce MP4 web video renditions")
    boolean webVideos() default true;

    @AttributeDefinition(description = "HLS segment length in seconds")
    int segmentSeconds() default 4;

    @AttributeDefinition(description = "x264 preset")
    String preset() default "veryfast";

    @AttributeDefinition(description = "Attempts of a transcoding job before it fails for good")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Largest accepted upload in bytes (-1: no limit but the quota)")
    long maxUploadBytes() default 8L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Keep the original upload after transcoding (counts against the quota)")
    boolean keepOriginal() default false;
}
