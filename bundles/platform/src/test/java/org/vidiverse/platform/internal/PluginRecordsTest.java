package org.vidiverse.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.Test;

public class PluginRecordsTest {

    @Test
    public void entriesSurviveANewReaderOfTheSameFolder() throws Exception {
        Path folder = Files.createTempDirectory("records");
        Instant installed = Instant.parse("2026-11-24T10:00:00Z");
        new PluginRecords(folder).put(new PluginRecords.Entry("org.example.a.b", "org.example.a.b.jar", "/tmp/a.jar",
                "1.2.0", installed, installed, false));
        new PluginRecords(folder).put(new PluginRecords.Entry("other", "other.jar", "mvn:g/a/1", "1.0.0", installed,
                installed, true));

        PluginRecords again = new PluginRecords(folder);
        assertEquals(2, again.all().size());
        PluginRecords.Entry a = again.get("org.example.a.b").orElseThrow();
        assertEquals("1.2.0", a.version());
        assertEquals(installed, a.installedAt());
        assertTrue(again.get("other").orElseThrow().uninstalled());
    }
}
