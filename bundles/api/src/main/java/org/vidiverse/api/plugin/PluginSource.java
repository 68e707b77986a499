package org.vidiverse.api.plugin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a plugin's bundle comes from: a jar file on the server (a path an admin typed, or an upload the REST layer
 * saved), or Maven coordinates resolved from the instance's configured repositories (Karaf's
 * {@code etc/org.ops4j.pax.url.mvn.cfg}).
 *
 * @param jar         the jar file, or {@code null} for Maven coordinates
 * @param coordinates {@code groupId:artifactId:version}, or {@code null} for a jar file
 */
public record PluginSource(Path jar, String coordinates) {
    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+");

    public PluginSource {
        if ((jar == null) == (coordinates == null)) {
            throw new IllegalArgumentException("a plugin source is either a jar file or Maven coordinates");
        }
    }

    public static PluginSource jar(Path jar) {
        return new PluginSource(Objects.requireNonNull(jar, "jar"), null);
    }

    /**
     * @param coordinates {@code groupId:artifactId:version}, or the {@code mvn:groupId/artifactId/version} URL
     * @throws IllegalArgumentException when they are neither
     */
    public static PluginSource maven(String coordinates) {
        String text = Objects.requireNonNull(coordinates, "coordinates").trim();
        if (text.startsWith("mvn:")) {
            text = text.substring(4).replace('/', ':');
        }
        if (!COORDINATES.matcher(text).matches()) {
            throw new IllegalArgumentException("Maven coordinates are groupId:artifactId:version (or "
                    + "mvn:groupId/artifactId/version), not '" + coordinates + "'");
        }
        return new PluginSource(null, text);
    }

    /** Whether a plugin name given by a client is Maven coordinates rather than a bundle's name. */
    public static boolean looksLikeMaven(String name) {
        String text = name == null ? "" : name.trim();
        return text.startsWith("mvn:") || COORDINATES.matcher(text).matches();
    }

    /** The {@code mvn:} URL Karaf's resolver reads, for Maven coordinates. */
    public String mavenUrl() {
        if (coordinates == null) {
            throw new IllegalStateException("not Maven coordinates: " + this);
        }
        return "mvn:" + coordinates.replace(':', '/');
    }

    @Override
    public String toString() {
        return jar != null ? jar.toString() : mavenUrl();
    }
}
