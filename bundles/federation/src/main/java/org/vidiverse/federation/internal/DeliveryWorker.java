package org.vidiverse.federation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Sends queued deliveries: {@code deliveryConcurrency} threads claim due {@value DeliveryQueue#JOB_TYPE} jobs from
 * the database and post them. A failure that may pass (timeout, 5xx, 429, connection refused) is retried with a
 * doubling delay; one that cannot (4xx, a refused address, a host no longer federated with) fails at once. A
 * delivery out of attempts stays as a failed job: the dead letters admins see in {@code /api/v1/jobs/failed}.
 */
@Component(immediate = true, configurationPid = FederationConfig.PID)
public final class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final long IDLE_WAIT_MS = 1_000;
    private static final String NODE_PREFIX = "federation-";

    private final JobStore jobs;
    private final ActorStore actors;
    private final RemoteClient remote;
    private final DeliveryQueue queue;
    private final FederationGate gate;
    private final String nodeId;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile FederationConfig config;
    private volatile boolean running = true;

    @Activate
    public DeliveryWorker(@Reference JobStore jobs, @Reference ActorStore actors, @Reference RemoteClient remote,
                          @Reference DeliveryQueue queue, @Reference FederationGate gate,
                          @Reference org.vidiverse.api.media.MediaStorage storage, FederationConfig config) {
        this.jobs = jobs;
        this.actors = actors;
        this.remote = remote;
        this.queue = queue;
        this.gate = gate;
        this.config = config;
        this.nodeId = NODE_PREFIX + storage.nodeId();
        jobs.releaseClaims(nodeId);
        start(config.deliveryConcurrency());
    }

    @Modified
    void modified(FederationConfig config) {
        this.config = config;
        synchronized (threads) {
            int wanted = Math.max(1, config.deliveryConcurrency());
            if (wanted != threads.size()) {
                generation.incrementAndGet();
                threads.clear();
                start(wanted);
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
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            threads.clear();
        }
        jobs.releaseClaims(nodeId);
    }

    private void start(int concurrency) {
        synchronized (threads) {
            int gen = generation.get();
            for (int i = 1; i <= Math.max(1, concurrency); i++) {
                Thread t = new Thread(() -> loop(gen), "vidiverse-delivery-" + gen + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
    }

    private void loop(int gen) {
        while (running && generation.get() == gen && !Thread.currentThread().isInterrupted()) {
            Optional<Job> next;
            try {
                next = jobs.claimNext(Set.of(DeliveryQueue.JOB_TYPE), nodeId);
            } catch (RuntimeException e) {
                LOG.warn("Could not claim a delivery: {}", e.toString());
                next = Optional.empty();
            }
            if (next.isEmpty()) {
                try {
                    queue.awaitWork(IDLE_WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                continue;
            }
            run(next.get());
        }
    }

    /**
     * Whether a failed delivery may succeed later. Besides what {@link RemoteException#retryable()} says (timeouts,
     * refused connections, 5xx, 429), a 404 is retried: an instance that is starting, or rebuilding its routes after
     * a plugin came, answers 404 for a moment before its inbox is there.
     */
    static boolean worthRetrying(RemoteException e) {
        return e.retryable() || e.kind() == RemoteException.Kind.HTTP_STATUS && e.status() == 404;
    }

    private void run(Job job) {
        DeliveryQueue.Delivery delivery;
        try {
            delivery = DeliveryQueue.parse(job.payload());
        } catch (IOException e) {
            jobs.failForGood(job.id(), "unreadable payload: " + e.getMessage());
            return;
        }
        try {
            String host = Activities.host(delivery.inbox());
            if (host == null) {
                jobs.failForGood(job.id(), "not an http(s) inbox: " + delivery.inbox());
                return;
            }
            if (!gate.reachable(host)) {
                jobs.failForGood(job.id(), "no longer federating with " + Activities.host(delivery.inbox()));
                return;
            }
            Optional<Actor> sender = actors.find(delivery.actorId());
            if (sender.isEmpty()) {
                jobs.failForGood(job.id(), "the sending actor " + delivery.actorId() + " is gone");
                return;
            }
            remote.post(delivery.inbox(), delivery.activity().getBytes(StandardCharsets.UTF_8), sender.get());
            jobs.succeed(job.id());
        } catch (RemoteException e) {
            if (worthRetrying(e)) {
                long delay = (long) Math.max(1, config.deliveryRetryBaseSeconds()) << Math.min(16, job.attempts());
                LOG.info("Delivery {} to {} failed (attempt {} of {}), again in {} s: {}", job.id(),
                        delivery.inbox(), job.attempts() + 1, job.maxAttempts(), delay, e.getMessage());
                jobs.fail(job.id(), e.getMessage(), Instant.now().plusSeconds(delay));
            } else {
                LOG.info("Delivery {} to {} refused: {}", job.id(), delivery.inbox(), e.getMessage());
                jobs.failForGood(job.id(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivery {} to {} failed", job.id(), delivery.inbox(), e);
            jobs.fail(job.id(), e.toString(), Instant.now().plusSeconds(config.deliveryRetryBaseSeconds()));
        }
    }
}
