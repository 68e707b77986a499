package org.vidiverse.sample.codec.humble;

import java.util.Optional;

import io.humble.video.Global;

/**
 * Loads {@code libhumblevideo.so} once per class loader, before any Humble class needs it.
 *
 * <p>In the bundle, {@code Bundle-NativeCode} names the library: {@link System#loadLibrary} called from this class
 * (loaded by the bundle's class loader) makes the framework extract it from the bundle into its cache and hands
 * the path to the JVM. In unit tests the library sits in {@code target/classes}, which is {@code java.library.path}.
 * Humble's own loader ({@code io.humble.ferry.JNILibrary}) then finds the library already loaded by this class
 * loader and does nothing more: it never copies 105 MB into {@code java.io.tmpdir}.
 *
 * <p>A JVM loads one library file for one class loader only: a second revision of this bundle (update, reinstall)
 * loads its own copy, extracted by the framework under that revision's cache folder.
 */
final class HumbleLibrary {
    static final String NAME = "humblevideo";

    private HumbleLibrary() {
    }

    /** Loaded once; the outcome never changes for this class loader. */
    private static final class Outcome {
        static final Optional<Throwable> FAILURE = load();

        private static Optional<Throwable> load() {
            try {
                System.loadLibrary(NAME);
                Global.init();                   // runs Humble's static set-up (FFmpeg registration) now
                Global.setFFmpegLoggingLevel(16); // AV_LOG_ERROR: FFmpeg's chatter stays off the console
                return Optional.empty();
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return Optional.of(e);
            }
        }
    }

    /** Why the library cannot be used here, or empty when it is loaded. */
    static Optional<Throwable> failure() {
        return Outcome.FAILURE;
    }

    /** The FFmpeg libavformat version inside Humble, e.g. {@code 56.40.101} (FFmpeg 2.8). */
    static String ffmpegFormatVersion() {
        return Global.getAVFormatVersionStr();
    }
}
