package org.vidiverse.codec.ffmpeg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg as bytedeco ships it for Linux x86-64 ({@code ffmpeg}, {@code ffprobe} and their shared libraries), carried
 * inside this bundle as {@value #JAR} and extracted once into {@code <root>/<version>-<classifier>}.
 *
 * <p>Extraction is atomic: the files go to a hidden temporary folder beside the target, both executables are run
 * once there ({@link StandInLibrary stand-ins} are added for system libraries the host lacks), a marker file is
 * written last, and the folder is renamed into place. Two instances extracting at once each build their own folder
 * and the second rename loses harmlessly; a crash leaves only a temporary folder, removed by a later start once it
 * is old. A target without its marker is never used.
 */
final class BundledFfmpeg {
    static final String JAR = "/ffmpeg/ffmpeg.jar";
    static final String COMPLETE = ".complete";
    private static final Duration STALE = Duration.ofHours(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_STAND_INS = 12;
    private static final Logger LOG = LoggerFactory.getLogger(BundledFfmpeg.class);

    /** Which build the bundle carries, from the build-time filtered {@code bundled-ffmpeg.properties}. */
    record Build(String version, String classifier, String folder) {
        String id() {
            return version + "-" + classifier;
        }

        static Build load() throws IOException {
            Properties p = new Properties();
            try (InputStream in = BundledFfmpeg.class.getResourceAsStream("bundled-ffmpeg.properties")) {
                if (in == null) {
                    throw new IOException("bundled-ffmpeg.properties is missing from the bundle");
                }
                p.load(in);
            }
            return new Build(p.getProperty("version"), p.getProperty("classifier"), p.getProperty("folder"));
        }
    }

    private BundledFfmpeg() {
    }

    /** Whether this JVM runs where the bundled build can: Linux on x86-64. */
    static boolean platformSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * The extracted build under {@code root}, extracting it first when no complete copy is there.
     *
     * @throws IOException if the files cannot be written or the executables do not run here
     */
    static Binaries install(Path root, ChildProcess runner) throws IOException, InterruptedException {
        Build build = Build.load();
        Path target = root.resolve(build.id());
        if (!isComplete(target)) {
            Files.createDirectories(root);
            removeStaleTemporaries(root);
            Path temporary = Files.createTempDirectory(root, "." + build.id() + ".tmp-");
            try {
                long start = System.nanoTime();
                extract(build, temporary);
                List<String> standIns = addStandIns(temporary, runner);
                Files.writeString(temporary.resolve(COMPLETE), build.id() + " stand-ins: " + standIns + "\n");
                moveIntoPlace(temporary, target);
                LOG.info("Extracted FFmpeg {} to {} in {} ms{}", build.id(), target,
                        (System.nanoTime() - start) / 1_000_000,
                        standIns.isEmpty() ? "" : "; empty stand-ins for libraries this host lacks (used only for "
                                + "capture devices, never for files): " + standIns);
            } finally {
                deleteTree(temporary);
            }
        }
        return binaries(build, target);
    }

    static Binaries binaries(Build build, Path folder) {
        return new Binaries(folder.resolve("ffmpeg"), folder.resolve("ffprobe"),
                Map.of("LD_LIBRARY_PATH", folder.toString()), "bundled FFmpeg " + build.id());
    }

    static boolean isComplete(Path folder) {
        return Files.isRegularFile(folder.resolve(COMPLETE)) && Files.isExecutable(folder.resolve("ffmpeg"))
                && Files.isExecutable(folder.resolve("ffprobe"));
    }

    /** Copies the executables and shared libraries (not bytedeco's JNI glue, which nothing here loads). */
    private static void extract(Build build, Path into) throws IOException {
        int files = 0;
        try (InputStream jar = BundledFfmpeg.class.getResourceAsStream(JAR)) {
            if (jar == null) {
                throw new IOException(JAR + " is missing from the bundle");
            }
            ZipInputStream zip = new ZipInputStream(jar);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(build.folder())) {
                    continue;
                }
                String file = name.substring(build.folder().length());
                boolean executable = file.equals("ffmpeg") || file.equals("ffprobe");
                boolean library = file.startsWith("lib") && file.contains(".so") && !file.startsWith("libjni");
                if (file.contains("/") || !executable && !library) {
                    continue;
                }
                Path out = into.resolve(file);
                Files.copy(zip, out);
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                files++;
            }
        }
        if (!Files.exists(into.resolve("ffmpeg")) || !Files.exists(into.resolve("ffprobe"))) {
            throw new IOException(JAR + " holds no ffmpeg and ffprobe under " + build.folder());
        }
        LOG.debug("Extracted {} files of FFmpeg {}", files, build.id());
    }

    /**
     * Runs {@code -version} of both executables; each time the dynamic linker names a library the host lacks, writes
     * an empty stand-in for it and tries again.
     */
    private static List<String> addStandIns(Path folder, ChildProcess runner) throws IOException, InterruptedException {
        List<String> added = new ArrayList<>();
        for (String executable : List.of("ffmpeg", "ffprobe")) {
            while (true) {
                ChildProcess.Result result = version(folder, executable, runner);
                if (result.ok()) {
                    break;
                }
                Optional<String> missing = StandInLibrary.missingLibrary(result.stderr());
                if (missing.isEmpty() || added.contains(missing.get()) || added.size() >= MAX_STAND_INS) {
                    throw new IOException("the bundled " + executable + " does not run on this host: "
                            + ChildProcess.message(result.stderr(), 500));
                }
                StandInLibrary.write(folder.resolve(missing.get()), missing.get());
                added.add(missing.get());
            }
        }
        return added;
    }

    private static ChildProcess.Result version(Path folder, String executable, ChildProcess runner)
            throws IOException, InterruptedException {
        try {
            return runner.run(List.of(folder.resolve(executable).toString(), "-hide_banner", "-version"),
                    Map.of("LD_LIBRARY_PATH", folder.toString()), folder, CHECK_TIMEOUT, null);
        } catch (ChildProcess.TimedOut e) {
            throw new IOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot start the bundled " + executable + " from " + folder
                    + " (is that file system mounted noexec? then set ffmpegPath and ffprobePath): " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (FileSystemException e) {
            if (isComplete(target)) {
                LOG.debug("Another instance extracted FFmpeg to {} first", target);
                return;                                         // another instance won the race: use its copy
            }
        }
        // a folder without marker where ours should go: not made by this code (or by a far older version); set aside
        Path aside = target.resolveSibling("." + target.getFileName() + ".broken-" + System.nanoTime());
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("Moved an incomplete FFmpeg folder aside to {}", aside);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void removeStaleTemporaries(Path root) throws IOException {
        Instant limit = Instant.now().minus(STALE);
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") && (name.contains(".tmp-") || name.contains(".broken-"))
                        && Files.getLastModifiedTime(child).compareTo(FileTime.from(limit)) < 0) {
                    deleteTree(child);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
