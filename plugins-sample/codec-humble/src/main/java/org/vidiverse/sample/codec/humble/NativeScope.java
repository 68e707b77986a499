package org.vidiverse.sample.codec.humble;

import java.util.ArrayDeque;
import java.util.Deque;

import io.humble.ferry.RefCounted;
import io.humble.video.Demuxer;
import io.humble.video.Muxer;

/**
 * Owns native Humble objects for the length of one probe or transcode and releases them all, newest first, when
 * closed, whatever happened in between. Humble objects are not {@link AutoCloseable}: every object a Humble call
 * returns holds a native reference until {@link RefCounted#delete()} (or, late and unpredictably, the garbage
 * collector). Demuxers and muxers are also closed, which closes their files; a muxer closed normally writes its
 * trailer, so finish muxers explicitly with {@link #finish(Muxer)} where the outcome matters.
 */
final class NativeScope implements AutoCloseable {
    private final Deque<Runnable> releases = new ArrayDeque<>();

    /** Deletes {@code object} when the scope closes; returns it (null passes through). */
    <T extends RefCounted> T own(T object) {
        if (object != null) {
            releases.push(object::delete);
        }
        return object;
    }

    /** Runs {@code release} when the scope closes, in the same newest-first order as the objects owned. */
    void onClose(Runnable release) {
        releases.push(release);
    }

    /** Owns and, at close, closes the demuxer (and its file) before deleting it. */
    Demuxer own(Demuxer demuxer) {
        releases.push(demuxer::delete);
        releases.push(() -> {
            if (demuxer.getState() == Demuxer.State.STATE_OPENED) {
                try {
                    demuxer.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        return demuxer;
    }

    /** Owns and, at close, closes the muxer (writing its trailer, closing its file) before deleting it. */
    Muxer own(Muxer muxer) {
        releases.push(muxer::delete);
        releases.push(() -> finish(muxer));
        return muxer;
    }

    /** Writes the muxer's trailer and closes its file, once; later calls do nothing. */
    static void finish(Muxer muxer) {
        if (muxer.getState() == Muxer.State.STATE_OPENED) {
            muxer.close();
        }
    }

    /**
     * Releases everything, newest first; a failing release does not stop the others. A pending interrupt is set
     * aside meanwhile (Humble's I/O calls throw on it), so that files close even when the work was cancelled.
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            releaseAll();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseAll() {
        RuntimeException first = null;
        while (!releases.isEmpty()) {
            try {
                releases.pop().run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
