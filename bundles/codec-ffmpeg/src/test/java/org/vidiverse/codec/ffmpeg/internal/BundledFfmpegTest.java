package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Extraction into fresh folders (each test writes the 90 MB once or twice). */
public class BundledFfmpegTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ChildProcess runner = new ChildProcess(io);

    @After
    public void stop() {
        io.shutdownNow();
    }

    @Test
    public void twoInstancesExtractingAtOnceEndWithOneCompleteFolder() throws Exception {
        Path root = tmp.getRoot().toPath().resolve("ffmpeg");
        Callable<Binaries> install = () -> BundledFfmpeg.install(root, runner);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Binaries>> results = two.invokeAll(List.of(install, install));
        two.shutdown();

        Binaries first = results.get(0).get();
        assertEquals(first, results.get(1).get());
        Path folder = first.ffmpeg().getParent();
        assertTrue(BundledFfmpeg.isComplete(folder));
        assertEquals(folder.toString(), first.environment().get("LD_LIBRARY_PATH"));
        assertEquals("only the versioned folder, no temporary left", List.of(folder), children(root));
        assertTrue(Files.isExecutable(first.ffprobe()));
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue("no JNI glue extracted", files.noneMatch(f -> f.getFileName().toString().startsWith("libjni")));
        }
        BundledFfmpeg.Build build = BundledFfmpeg.Build.load();
        assertEquals(root.resolve(build.version() + "-" + build.classifier()), folder);
    }

    @Test
    public void leftoversOfACrashAreNeverUsedAndOldOnesAreRemoved() throws Exception {
        Path root = tmp.getRoot().toPath().resolve("ffmpeg");
        String id = BundledFfmpeg.Build.load().id();
        Path stale = Files.createDirectories(root.resolve("." + id + ".tmp-123"));
        Files.writeString(stale.resolve("ffmpeg"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.createDirectories(root.resolve("." + id + ".tmp-456"));   // maybe another instance's
        Path incomplete = Files.createDirectories(root.resolve(id));
        Files.writeString(incomplete.resolve("ffmpeg"), "half");                      // no marker

        Binaries b = BundledFfmpeg.install(root, runner);

        assertEquals(root.resolve(id), b.ffmpeg().getParent());
        assertTrue(BundledFfmpeg.isComplete(root.resolve(id)));
        assertTrue(Files.size(b.ffmpeg()) > 100_000);
        assertFalse("stale temporary removed", Files.exists(stale));
        assertTrue("a recent one may still be in use", Files.exists(recent));
        assertTrue("the incomplete folder set aside",
                children(root).stream().anyMatch(p -> p.getFileName().toString().startsWith("." + id + ".broken-")));
    }

    private static List<Path> children(Path root) throws Exception {
        try (Stream<Path> children = Files.list(root)) {
            return children.sorted().toList();
        }
    }
}
