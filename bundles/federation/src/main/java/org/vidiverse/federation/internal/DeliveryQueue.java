package org.vidiverse.federation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.federation.internal.activitypub.ApContext;

/**
 * Puts outgoing activities into the persisted job queue: one {@value #JOB_TYPE} job per inbox (each inbox once,
 * this instance's own never), so that a restart loses nothing and each remote is retried on its own schedule.
 */
@Component(service = DeliveryQueue.class, configurationPid = FederationConfig.PID)
public final class DeliveryQueue {
    /** PeerTube's name for the job that posts one activity to one inbox. */
    public static final String JOB_TYPE = "activitypub-http-unicast";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);
    private static final ObjectMapper JSON = ApContext.mapper();

    private final JobStore jobs;
    private final InstanceIdentity instance;
    private final Object wakeUp = new Object();
    private volatile FederationConfig config;

    @Activate
    public DeliveryQueue(@Reference JobStore jobs, @Reference InstanceIdentity instance, FederationConfig config) {
        this.jobs = jobs;
        this.instance = instance;
        this.config = config;
    }

    @Modified
    void modified(FederationConfig config) {
        this.config = config;
    }

    /** The payload of one delivery job. */
    record Delivery(String inbox, long actorId, String activity) {
    }

    /** Queues {@code activity}, signed by {@code sender}, for each remote inbox; returns how many were queued. */
    public int deliver(Actor sender, Map<String, Object> activity, Collection<String> inboxes) {
        Set<String> targets = new LinkedHashSet<>();
        String local = instance.publicUrl() + "/";
        for (String inbox : inboxes) {
            if (inbox != null && !inbox.isBlank() && !inbox.startsWith(local)) {
                targets.add(inbox);
            }
        }
        if (targets.isEmpty()) {
            return 0;
        }
        String body;
        try {
            body = JSON.writeValueAsString(activity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int attempts = Math.max(1, config.deliveryAttempts());
        for (String inbox : targets) {
            jobs.enqueue(JOB_TYPE, payload(new Delivery(inbox, sender.id(), body)), attempts, Instant.now());
        }
        LOG.debug("Queued {} {} for {} inboxes", activity.get("type"), activity.get("id"), targets.size());
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        return targets.size();
    }

    /** Waits up to {@code ms} for new deliveries (a worker with nothing to do). */
    void awaitWork(long ms) throws InterruptedException {
        synchronized (wakeUp) {
            wakeUp.wait(ms);
        }
    }

    static String payload(Delivery delivery) {
        ObjectNode node = JSON.createObjectNode();
        node.put("inbox", delivery.inbox());
        node.put("actorId", delivery.actorId());
        node.put("activity", delivery.activity());
        return node.toString();
    }

    static Delivery parse(String payload) throws IOException {
        var node = JSON.readTree(payload);
        return new Delivery(node.path("inbox").asText(), node.path("actorId").asLong(),
                node.path("activity").asText());
    }
}
