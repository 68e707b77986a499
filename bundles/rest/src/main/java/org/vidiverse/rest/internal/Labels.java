package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The id/label pairs PeerTube clients show for categories, licences, languages, privacies and states. */
final class Labels {
    static final Map<Integer, String> CATEGORIES = ordered(
            1, "Music", 2, "Films", 3, "Vehicles", 4, "Art", 5, "Sports", 6, "Travels", 7, "Gaming", 8, "People",
            9, "Comedy", 10, "Entertainment", 11, "News & Politics", 12, "How To", 13, "Education", 14, "Activism",
            15, "Science & Technology", 16, "Animals", 17, "Kids", 18, "Food");
    static final Map<Integer, String> LICENCES = ordered(
            1, "Attribution", 2, "Attribution - Share Alike", 3, "Attribution - No Derivatives",
            4, "Attribution - Non Commercial", 5, "Attribution - Non Commercial - Share Alike",
            6, "Attribution - Non Commercial - No Derivatives", 7, "Public Domain Dedication");

    private Labels() {
    }

    static Map<String, Object> category(Integer id) {
        return idLabel(id, id == null ? null : CATEGORIES.get(id));
    }

    static Map<String, Object> licence(Integer id) {
        return idLabel(id, id == null ? null : LICENCES.get(id));
    }

    static Map<String, Object> language(String code) {
        String label = null;
        if (code != null) {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
            label = name.isEmpty() || name.equals(code) ? null : name;
        }
        return idLabel(code, label);
    }

    static Map<String, Object> idLabel(Object id, String label) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("id", id);
        pair.put("label", label == null ? "Unknown" : label);
        return pair;
    }

    private static Map<Integer, String> ordered(Object... pairs) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
