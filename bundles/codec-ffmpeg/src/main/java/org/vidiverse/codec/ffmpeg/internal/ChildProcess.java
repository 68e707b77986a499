package org.vidiverse.codec.ffmpeg.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs FFmpeg executables as child processes: stdin closed, stdout handed over line by line (or collected, bounded),
 * stderr drained into a bounded tail for error messages, and a deadline after which the process and anything it
 * started are killed. An interrupt of the calling thread kills them too. {@link #killAll()} ends every child still
 * running (the component calls it when it stops), so no ffmpeg outlives the codec.
 */
final class ChildProcess {
    static final int STDERR_TAIL_CHARS = 8 * 1024;
    static final int STDOUT_LIMIT_CHARS = 8 * 1024 * 1024;
    private static final long REAP_MS = 10_000;

    /** How a child ended. {@code stdout} is empty when the lines went to a consumer. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** The deadline passed; the child was killed. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    private final ExecutorService io;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** @param io runs the two readers of each child; owned by the caller */
    ChildProcess(ExecutorService io) {
        this.io = io;
    }

    /**
     * Runs {@code command} to its end.
     *
     * @param environment added to this process's environment
     * @param workDir     the child's working directory, or {@code null} for this process's
     * @param stdoutLines receives each line of stdout as it comes, or {@code null} to collect stdout into the result
     * @throws IOException        if the executable cannot be started, or stdout exceeds the collection limit
     * @throws TimedOut           if the child ran past the timeout (it has been killed)
     * @throws InterruptedException if the calling thread was interrupted (the child has been killed)
     */
    Result run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout,
               Consumer<String> stdoutLines) throws IOException, TimedOut, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        builder.environment().remove("LD_BIND_NOW");           // stand-in libraries rely on lazy binding
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        running.add(process);
        try {
            StringBuilder collected = new StringBuilder();
            Future<?> out = io.submit(() -> readLines(process.getInputStream(), stdoutLines, collected));
            Future<String> err = io.submit(() -> tail(process.getErrorStream()));
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                reap(process);
                throw e;
            }
            if (!exited) {
                killTree(process);
                reap(process);
                throw new TimedOut(command.get(0) + " ran longer than " + timeout.toSeconds() + " s and was stopped");
            }
            String stderr = await(err);
            Object outcome = await(out);
            if (outcome instanceof IOException e) {
                throw e;
            }
            return new Result(process.exitValue(), collected.toString(), stderr);
        } finally {
            running.remove(process);
            if (process.isAlive()) {                            // an unexpected exception on the way out
                killTree(process);
            }
        }
    }

    /** Kills every child this runner started that is still running. */
    void killAll() {
        running.forEach(ChildProcess::killTree);
    }

    /** Number of children running now. */
    int runningCount() {
        return running.size();
    }

    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits for a killed child to be gone, even when the thread is interrupted again meanwhile. */
    private static void reap(Process process) {
        boolean interrupted = false;
        long deadline = System.currentTimeMillis() + REAP_MS;
        while (process.isAlive() && System.currentTimeMillis() < deadline) {
            try {
                process.waitFor(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get(REAP_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("reading a child's output failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("a child's output stayed open after it exited");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a child's output", e);
        }
    }

    /** Returns an IOException instead of throwing it, so that the pipe is always read to its end. */
    private static Object readLines(InputStream in, Consumer<String> lines, StringBuilder collected) {
        IOException failure = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines != null) {
                    try {
                        lines.accept(line);
                    } catch (RuntimeException e) {
                        // a failing listener must not stop the draining, or the child would block on a full pipe
                    }
                } else if (collected.length() + line.length() < STDOUT_LIMIT_CHARS) {
                    collected.append(line).append('\n');
                } else if (failure == null) {
                    failure = new IOException("output longer than " + STDOUT_LIMIT_CHARS + " characters");
                }
            }
        } catch (IOException e) {
            failure = e;
        }
        return failure;
    }

    private static String tail(InputStream in) throws IOException {
        StringBuilder tail = new StringBuilder();
        char[] buffer = new char[4096];
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                tail.append(buffer, 0, n);
                if (tail.length() > 2 * STDERR_TAIL_CHARS) {
                    tail.delete(0, tail.length() - STDERR_TAIL_CHARS);
                }
            }
        }
        return tail.length() > STDERR_TAIL_CHARS ? tail.substring(tail.length() - STDERR_TAIL_CHARS) : tail.toString();
    }

    /**
     * The last meaningful lines of a child's stderr, for an error message: without the dynamic linker's warnings
     * about {@link StandInLibrary stand-in libraries}, at most {@code maxChars}.
     */
    static String message(String stderr, int maxChars) {
        String text = stderr.lines()
                .filter(line -> !line.contains("no version information available"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
        return text.length() > maxChars ? "..." + text.substring(text.length() - maxChars) : text;
    }
}
