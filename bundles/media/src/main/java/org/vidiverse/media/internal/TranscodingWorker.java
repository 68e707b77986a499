package org.vidiverse.media.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.media.TorrentMaker;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.VideoStore;

/**
 * Runs this node's share of the transcoding jobs: {@code transcodingConcurrency} threads each claim the next due
 * job from the database (atomically, so nodes sharing a database never run the same job) and run it. At
 * activation the jobs this node held when it last stopped, cleanly or not, go back to the queue first, so a job
 * interrupted by {@code kill -9} runs again.
 */
@Component(immediate = true, configurationPid = MediaConfig.PID)
public final class TranscodingWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TranscodingWorker.class);
    private static final long IDLE_POLL_MS = 1_000;
    /** First retry after a failure; doubled per attempt. */
    private static final long RETRY_BASE_SECONDS = 30;

    private final JobStore jobs;
    private final TranscodeJob.Context context;
    private final String nodeId;
    private final List<Thread> threads = new ArrayList<>();
    /** Workers of an older configuration finish their current job and stop. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean running = true;

    @Activate
    public TranscodingWorker(@Reference JobStore jobs, @Reference VideoStore videos, @Reference MediaStorage storage,
                             @Reference Codecs codecs, @Reference InstanceIdentity instance, MediaConfig config) {
        this.jobs = jobs;
        this.context = new TranscodeJob.Context(jobs, videos, storage, codecs, instance, config);
        this.nodeId = storage.nodeId();
        reapOrphans(storage.root().resolve("tmp"));
        jobs.releaseClaims(nodeId);
        start(config.transcodingConcurrency());
    }

    /**
     * Stops codec processes a killed run of this node left behind: a child process outlives a {@code kill -9} of
     * the JVM and would go on transcoding for nothing. They are recognised by the job folders in their arguments.
     */
    static int reapOrphans(java.nio.file.Path tmp) {
        String marker = tmp.toAbsolutePath() + "/job-";
        int[] killed = {0};
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self.pid())
                .filter(p -> p.parent().map(parent -> parent.pid() == 1).orElse(true))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
                        || workingIn(p, tmp.toAbsolutePath()))
                .forEach(p -> {
                    LOG.warn("Stopping codec process {} left by an earlier run: {}", p.pid(),
                            p.info().command().orElse("?"));
                    p.destroyForcibly();
                    killed[0]++;
                });
        return killed[0];
    }

    /** Whether the process runs in a job folder (codecs run with relative output names); Linux only. */
    private static boolean workingIn(ProcessHandle p, java.nio.file.Path tmp) {
        try {
            java.nio.file.Path cwd = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc",
                    String.valueOf(p.pid()), "cwd"));
            return cwd.startsWith(tmp) && cwd.toString().contains("/job-");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;   // not ours to read, or not Linux
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTorrentMaker(TorrentMaker maker) {
        context.torrents = maker;
    }

    void unbindTorrentMaker(TorrentMaker maker) {
        if (context.torrents == maker) {
            context.torrents = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindPublisher(org.vidiverse.api.federation.ActivityPublisher publisher) {
        context.publisher = publisher;
    }

    void unbindPublisher(org.vidiverse.api.federation.ActivityPublisher publisher) {
        if (context.publisher == publisher) {
            context.publisher = null;
        }
    }

    @Modified
    void modified(MediaConfig config) {
        context.config = config;
        synchronized (threads) {
            int wanted = Math.max(1, config.transcodingConcurrency());
            if (wanted != threads.size()) {
                LOG.info("Transcoding concurrency {} -> {}", threads.size(), wanted);
                generation.incrementAndGet();
                threads.clear();
                start(wanted);
            }
        }
    }

    private void start(int concurrency) {
        synchronized (threads) {
            int gen = generation.get();
            for (int i = 1; i <= Math.max(1, concurrency); i++) {
                Thread t = new Thread(() -> loop(gen), "vidiverse-transcoding-" + gen + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
    }

    @Deactivate
    void deactivate() {
        running = false;
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                try {
                    t.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            threads.clear();
        }
        // jobs interrupted by the stop run again at the next start, here or on another node
        jobs.releaseClaims(nodeId);
    }

    private void loop(int gen) {
        while (running && generation.get() == gen && !Thread.currentThread().isInterrupted()) {
            Optional<Job> next;
            try {
                next = jobs.claimNext(Set.of(MediaPipeline.TRANSCODING_JOB), nodeId);
            } catch (RuntimeException e) {
                LOG.warn("Could not claim a transcoding job: {}", e.toString());
                next = Optional.empty();
            }
            if (next.isEmpty()) {
                sleep(IDLE_POLL_MS);
                continue;
            }
            run(next.get());
        }
    }

    private void run(Job job) {
        try {
            new TranscodeJob(context, job).run();
            jobs.succeed(job.id());
        } catch (TranscodeJob.FinalFailure e) {
            jobs.failForGood(job.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Transcoding job {} interrupted; it runs again at the next start", job.id());
        } catch (Exception e) {
            long delay = RETRY_BASE_SECONDS << Math.min(10, job.attempts());
            LOG.warn("Transcoding job {} failed (attempt {} of {}): {}", job.id(), job.attempts() + 1,
                    job.maxAttempts(), e.toString(), e);
            try {
                jobs.fail(job.id(), e.toString(), Instant.now().plusSeconds(delay));
                if (job.attempts() + 1 >= job.maxAttempts()) {
                    TranscodeJob.markFailed(context, job);
                }
            } catch (RuntimeException again) {
                LOG.error("Could not record the failure of job {}", job.id(), again);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String nodeId() {
        return nodeId;
    }
}
