package org.vidiverse.codec.ffmpeg.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two executables the codec runs and the environment they need.
 *
 * @param environment added to the child's environment ({@code LD_LIBRARY_PATH} for the bundled build)
 * @param origin      for logs and {@code available()} diagnostics: "bundled FFmpeg 8.1.2-1.5.14" or "system"
 */
record Binaries(Path ffmpeg, Path ffprobe, Map<String, String> environment, String origin) {
    Binaries {
        environment = Map.copyOf(environment);
    }
}
