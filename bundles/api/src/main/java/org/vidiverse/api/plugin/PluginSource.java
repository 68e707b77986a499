package org.vidiverse.api.plugin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a plugin comes from: a jar file on the server (a path an admin typed, or an upload the REST layer saved),
 * Maven coordinates resolved from the instance's configured repositories (Karaf's
 * {@code etc/org.ops4j.pax.url.mvn.cfg}), or a feature of the instance's features repositories. Exactly one is set.
 *
 * @param jar         the jar file, or {@code null}
 * @param coordinates {@code groupId:artifactId:version}, or {@code null}
 * @param feature     a feature name, or {@code name/version}, or {@code null}
 */
public record PluginSource(Path jar, String coordinates, String feature) {
    /** How clients name a feature: {@code feature:name} or {@code feature:name/version}. */
    public static final String FEATURE_PREFIX = "feature:";
    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+");
    private static final Pattern FEATURE = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)?");

    public PluginSource {
        int given = (jar == null ? 0 : 1) + (coordinates == null ? 0 : 1) + (feature == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a plugin source is a jar file, Maven coordinates or a feature");
        }
    }

    public static PluginSource jar(Path jar) {
        return new PluginSource(Objects.requireNonNull(jar, "jar"), null, null);
    }

    /**
     * @param feature {@code feature:name}, {@code feature:name/version}, or the same without the prefix
     * @throws IllegalArgumentException when it is no feature name
     */
    public static PluginSource feature(String feature) {
        String text = Objects.requireNonNull(feature, "feature").trim();
        if (text.startsWith(FEATURE_PREFIX)) {
            text = text.substring(FEATURE_PREFIX.length());
        }
        if (!FEATURE.matcher(text).matches()) {
            throw new IllegalArgumentException("a feature is named feature:name or feature:name/version, not '"
                    + feature + "'");
        }
        return new PluginSource(null, null, text);
    }

    /** Whether a plugin name given by a client names a feature ({@code feature:...}). */
    public static boolean looksLikeFeature(String name) {
        return name != null && name.trim().startsWith(FEATURE_PREFIX);
    }

    /** The feature's name, for a feature source. */
    public String featureName() {
        return feature == null ? null : feature.split("/", 2)[0];
    }

    /** The feature's version, or {@code null} for the newest one. */
    public String featureVersion() {
        return feature == null || !feature.contains("/") ? null : feature.split("/", 2)[1];
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
        return new PluginSource(null, text, null);
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
        return jar != null ? jar.toString() : coordinates != null ? mavenUrl() : FEATURE_PREFIX + feature;
    }
}
