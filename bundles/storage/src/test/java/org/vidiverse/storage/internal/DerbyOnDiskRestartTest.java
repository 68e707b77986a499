package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.sql.SQLException;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;

/** A Derby database in a folder survives a full stop: engine shut down, new factory, same rows, same schema. */
public class DerbyOnDiskRestartTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void restartOnAnExistingDatabaseKeepsEveryRow() throws Exception {
        String path = new File(folder.getRoot(), "vidiverse").getAbsolutePath();
        User alice;
        Video video;
        try (Stores s = new Stores(DerbyStoresTest.dataSource(path, "create"))) {
            alice = s.users.create(new NewUser("alice", "alice@example.org", "hash", UserRole.ADMINISTRATOR, -1, -1,
                    null));
            video = s.videos.create(new NewVideo(s.channels.channelsOf(alice.accountId()).get(0).id(), "v", null,
                    null, org.vidiverse.api.model.VideoPrivacy.PUBLIC, org.vidiverse.api.model.VideoState.PUBLISHED,
                    5, null, null, null, List.of("x", "y"), false, true, true, false));
            s.videos.addFile(video.id(), 720, 10, 30, ".mp4", "a.mp4");
            s.comments.create(video.id(), alice.accountId(), null, "hi");
            s.jobs.enqueue("t", "{}", 3, null);
            video = s.videos.findById(video.id()).orElseThrow();   // with its comment counted
        }
        shutDown(path);

        for (int restart = 0; restart < 2; restart++) {
            try (Stores s = new Stores(DerbyStoresTest.dataSource(path, null))) {
                assertEquals(SchemaMigrator.latestVersion(), s.schema.version());
                assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
                assertEquals(alice, s.users.findById(alice.id()).orElseThrow());
                assertEquals(video, s.videos.findByShortUuid(video.shortUuid()).orElseThrow());
                assertEquals(1, s.videos.files(video.id()).size());
                assertEquals(1, s.comments.count());
                assertEquals(Long.valueOf(1), s.jobs.countByState().get(JobState.PENDING));
                assertEquals(1, s.instances.list().size());
                assertTrue(s.info.url(), s.info.url().contains(path));
            }
            shutDown(path);
        }
    }

    private static void shutDown(String path) {
        EmbeddedDataSource ds = DerbyStoresTest.dataSource(path, null);
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as SQLState 08006
        }
    }
}
