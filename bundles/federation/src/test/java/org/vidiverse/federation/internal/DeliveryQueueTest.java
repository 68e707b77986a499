package org.vidiverse.federation.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.JobStore;

public class DeliveryQueueTest {

    /** Keeps what is enqueued; the queue's only use of the store. */
    private static final class Enqueued implements JobStore {
        final List<Job> jobs = new ArrayList<>();

        @Override
        public Job enqueue(String type, String payload, int maxAttempts, Instant runAfter) {
            Job job = new Job(jobs.size() + 1, type, JobState.PENDING, payload, 0, 0, maxAttempts, null, null, runAfter,
                    Instant.now(), null, null);
            jobs.add(job);
            return job;
        }

        @Override public Optional<Job> claimNext(Set<String> types, String nodeId) { throw new UnsupportedOperationException(); }
        @Override public void progress(long jobId, int percent) { throw new UnsupportedOperationException(); }
        @Override public void succeed(long jobId) { throw new UnsupportedOperationException(); }
        @Override public void fail(long jobId, String error, Instant retryAt) { throw new UnsupportedOperationException(); }
        @Override public void failForGood(long jobId, String error) { throw new UnsupportedOperationException(); }
        @Override public int releaseClaims(String nodeId) { throw new UnsupportedOperationException(); }
        @Override public Optional<Job> find(long id) { throw new UnsupportedOperationException(); }
        @Override public Page<Job> list(JobQuery query, PageRequest page) { throw new UnsupportedOperationException(); }
        @Override public Map<JobState, Long> countByState() { throw new UnsupportedOperationException(); }
    }

    private static Actor sender() {
        String url = "https://here.example/accounts/root";
        return new Actor(7, ActorType.PERSON, "root", "Root", null, "here.example", true, url, url + "/inbox",
                "https://here.example/inbox", url + "/outbox", url + "/followers", url + "/following", null, null,
                null, 0, 0, Instant.now(), Instant.now());
    }

    @Test
    public void oneJobPerDistinctRemoteInboxAndNoneForThisInstance() throws IOException {
        Enqueued store = new Enqueued();
        DeliveryQueue queue = new DeliveryQueue(store, () -> "https://here.example",
                TestConfigs.federation(Map.of("deliveryAttempts", 5)));
        int queued = queue.deliver(sender(), Map.of("type", "Create", "id", "https://here.example/a/1"),
                List.of("https://a.example/inbox", "https://b.example/inbox", "https://a.example/inbox",
                        "https://here.example/inbox", ""));
        assertEquals(2, queued);
        assertEquals(2, store.jobs.size());
        Job first = store.jobs.get(0);
        assertEquals(DeliveryQueue.JOB_TYPE, first.type());
        assertEquals(5, first.maxAttempts());
        DeliveryQueue.Delivery delivery = DeliveryQueue.parse(first.payload());
        assertEquals("https://a.example/inbox", delivery.inbox());
        assertEquals(7, delivery.actorId());
        com.fasterxml.jackson.databind.JsonNode activity = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(delivery.activity());
        assertEquals("Create", activity.path("type").asText());
        assertEquals("https://here.example/a/1", activity.path("id").asText());
    }

    @Test
    public void nothingToDeliverQueuesNothing() {
        Enqueued store = new Enqueued();
        DeliveryQueue queue = new DeliveryQueue(store, () -> "https://here.example", TestConfigs.federation(Map.of()));
        assertEquals(0, queue.deliver(sender(), Map.of("type", "Delete"), List.of()));
        assertEquals(0, store.jobs.size());
    }
}
