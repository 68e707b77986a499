package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.StorageInfo;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each test method boots a fresh Karaf process (PerMethod) on the same Derby database: what the first one wrote,
 * the second one finds after the restart, and the schema is reused rather than recreated.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RestartIT {
    private static final int PORT = 9182;
    private static final Path DATABASE = database();

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    JobStore jobs;
    @Inject
    StorageInfo storage;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, editConfigurationFilePut("etc/org.ops4j.datasource-vidiverse.cfg", "url",
                "jdbc:derby:" + DATABASE + ";create=true"));
    }

    @Test
    public void a_writeRowsBeforeTheRestart() {
        User survivor = users.create(new NewUser("survivor", "survivor@example.org", "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
                UserRole.USER, 1_000_000, -1, "Survivor"));
        long channel = channels.channelsOf(survivor.accountId()).get(0).id();
        videos.create(NewVideo.published(channel, "still here after a restart"));
        jobs.enqueue("restart-test", "{\"n\":1}", 3, Instant.now());
        assertEquals(2, users.count());
    }

    @Test
    public void b_rowsSurviveTheRestart() throws Exception {
        User survivor = users.findByUsername("survivor").orElseThrow(() -> new AssertionError("user lost"));
        assertEquals(1_000_000, survivor.videoQuota());
        assertEquals("survivor_channel", channels.channelsOf(survivor.accountId()).get(0).name());
        assertEquals("root is created once, not at every start", 2, users.count());
        List<Job> pending = jobs.list(JobState.PENDING, new PageRequest(0, 10, "createdAt", true)).data();
        assertTrue(pending.stream().anyMatch(j -> j.type().equals("restart-test")));

        JsonNode list = new Http(PORT).awaitOk("/api/v1/videos?count=10").json();
        assertTrue(list.toString(), list.toString().contains("still here after a restart"));
        Video video = videos.list(org.vidiverse.api.store.VideoQuery.publicListing(), new PageRequest(0, 10, "name", false))
                .data().stream().filter(v -> v.name().equals("still here after a restart")).findFirst().orElseThrow();
        assertEquals("survivor", video.account().name());
        assertTrue(storage.schemaVersion() >= 1);
    }

    /** One database per Maven run, removed when the driver (not the container) first loads this class. */
    private static Path database() {
        Path dir = Path.of(System.getProperty("vidiverse.workDir", "target"), "restart-db").toAbsolutePath();
        if (System.getProperty("karaf.base") == null) {
            try {
                if (Files.exists(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir.resolve("vidiverse");
    }
}
