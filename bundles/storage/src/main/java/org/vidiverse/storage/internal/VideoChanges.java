package org.vidiverse.storage.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;

/**
 * Counts committed video writes in this process, so that {@link ReadCache}s of listings and searches forget what a
 * write made stale. Writers call {@link #changed()} after their transaction commits: a read that ran before the
 * commit is then never served again.
 */
@Component(service = VideoChanges.class)
public final class VideoChanges {
    private final AtomicLong generation = new AtomicLong();

    long generation() {
        return generation.get();
    }

    void changed() {
        generation.incrementAndGet();
    }
}
