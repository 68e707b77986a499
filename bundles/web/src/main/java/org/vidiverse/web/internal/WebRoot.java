package org.vidiverse.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The built web interface (Vite's output under {@code webroot/} in the bundle), read once per file and kept in
 * memory: it is a few hundred kilobytes and never changes while the bundle lives.
 */
final class WebRoot {
    static final String INDEX = "index.html";

    private final Function<String, URL> resources;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** @param resources finds a file of the web root by its relative name, null when absent */
    WebRoot(Function<String, URL> resources) {
        this.resources = resources;
    }

    static WebRoot ofClassLoader(ClassLoader loader) {
        return new WebRoot(name -> loader.getResource("webroot/" + name));
    }

    /** @param name a relative name such as {@code assets/index-abc.js}; names with dot segments are refused */
    Optional<Asset> get(String name) {
        if (!safe(name)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("//")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Optional<Asset> load(String name) {
        URL url = resources.apply(name);
        if (url == null || url.getPath().endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(Asset.of(name, in.readAllBytes()));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();   // a folder in an exploded web root
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web root file " + name, e);
        }
    }

    /** index.html as text, for the pages that add tags to its head. */
    Optional<String> indexHtml() {
        return get(INDEX).map(a -> new String(a.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
