package org.vidiverse.api.codec;

/** Receives progress while a codec works. Calls may come from any thread. */
@FunctionalInterface
public interface ProgressListener {
    /** @param percent 0 to 100 */
    void progress(int percent);
}
