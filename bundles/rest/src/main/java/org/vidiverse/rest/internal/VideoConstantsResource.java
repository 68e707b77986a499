package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The constant lists PeerTube clients read to fill their forms: {@code /api/v1/videos/categories},
 * {@code /licences}, {@code /languages} and {@code /privacies}, each an object of id to English label. One root
 * resource per path: their literal paths are longer than {@code /api/v1/videos/{id}}, so they win the match.
 */
public final class VideoConstantsResource {
    private VideoConstantsResource() {
    }

    /** Languages that {@link Locale} does not name, as PeerTube lists them (Chinese scripts, sign languages). */
    private static final Map<String, String> EXTRA_LANGUAGES = Map.of(
            "zh-Hans", "Chinese Simplified", "zh-Hant", "Chinese Traditional", "ase", "American Sign Language",
            "bfi", "British Sign Language", "fsl", "French Sign Language", "gsg", "German Sign Language",
            "jsl", "Japanese Sign Language", "ssp", "Spanish Sign Language", "sgn", "Sign Language");

    static Map<String, String> categories() {
        return byId(Labels.CATEGORIES);
    }

    static Map<String, String> licences() {
        return byId(Labels.LICENCES);
    }

    /** Every ISO 639-1 language Java knows, by its English name, plus {@link #EXTRA_LANGUAGES}. */
    static Map<String, String> languages() {
        Map<String, String> languages = new TreeMap<>();
        for (String code : Locale.getISOLanguages()) {
            String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isEmpty() && !name.equals(code)) {
                languages.put(code, name);
            }
        }
        languages.putAll(EXTRA_LANGUAGES);
        return languages;
    }

    static Map<String, String> privacies() {
        Map<String, String> privacies = new LinkedHashMap<>();
        for (VideoPrivacy privacy : VideoPrivacy.values()) {
            privacies.put(String.valueOf(privacy.id()), privacy.label());
        }
        return privacies;
    }

    private static Map<String, String> byId(Map<Integer, String> labels) {
        Map<String, String> json = new LinkedHashMap<>();
        new TreeMap<>(labels).forEach((id, label) -> json.put(String.valueOf(id), label));
        return json;
    }

    @Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
    @Path("/api/v1/videos/categories")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Categories {
        @GET
        public Map<String, String> get() {
            return categories();
        }
    }

    @Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
    @Path("/api/v1/videos/licences")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Licences {
        @GET
        public Map<String, String> get() {
            return licences();
        }
    }

    @Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
    @Path("/api/v1/videos/languages")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Languages {
        @GET
        public Map<String, String> get() {
            return languages();
        }
    }

    @Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
    @Path("/api/v1/videos/privacies")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Privacies {
        @GET
        public Map<String, String> get() {
            return privacies();
        }
    }
}
