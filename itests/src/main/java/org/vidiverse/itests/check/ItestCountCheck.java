package org.vidiverse.itests.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when the integration tests that ran are fewer than the {@code @Test} methods written in
 * {@code *IT.java} files: a Pax Exam container that fails to start, a probe that is not deployed or a filter that
 * drops a class must never turn into a green build that ran nothing.
 */
public final class ItestCountCheck {
    private static final Pattern TEST = Pattern.compile("^\\s*@Test\\b", Pattern.MULTILINE);
    private static final Pattern TESTS_RUN = Pattern.compile("tests=\"(\\d+)\"");
    private static final Pattern SKIPPED = Pattern.compile("skipped=\"(\\d+)\"");

    private ItestCountCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        int written = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("IT.java")).toList()) {
                written += count(TEST.matcher(Files.readString(file)));
            }
        }
        int ran = 0;
        int skipped = 0;
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                for (Path report : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    String head = firstLines(report);
                    ran += firstInt(TESTS_RUN.matcher(head));
                    skipped += firstInt(SKIPPED.matcher(head));
                }
            }
        }
        int executed = ran - skipped;
        System.out.printf("Integration tests: %d written, %d ran, %d skipped%n", written, ran, skipped);
        String chosen = System.getProperty("it.test");
        if (chosen != null && !chosen.isBlank()) {
            System.out.printf("Only the chosen integration tests ran (-Dit.test=%s): the count is not checked%n",
                    chosen);
            return;
        }
        if (executed < written) {
            throw new IllegalStateException("Only " + executed + " of " + written + " integration tests ran");
        }
    }

    private static String firstLines(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report);
        return String.join("\n", lines.subList(0, Math.min(3, lines.size())));
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static int firstInt(Matcher matcher) {
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
