package org.vidiverse.platform.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.vidiverse.api.plugin.InvalidPluginSettingsException;
import org.vidiverse.api.plugin.PluginSetting;
import org.vidiverse.api.plugin.PluginSetting.Type;

public class SettingValuesTest {
    private static final PluginSetting WORDS = setting("words", Type.STRING, true, true, List.of(), List.of());
    private static final PluginSetting ACTION = setting("action", Type.STRING, false, true, List.of("reject"),
            List.of(new PluginSetting.Option("reject", "Refuse it"), new PluginSetting.Option("hold", "Hold it")));
    private static final PluginSetting LIMIT = setting("limit", Type.INTEGER, false, true, List.of("10"), List.of());
    private static final PluginSetting STRICT = setting("strict", Type.BOOLEAN, false, false, List.of(), List.of());
    private static final List<PluginSetting> ALL = List.of(WORDS, ACTION, LIMIT, STRICT);

    @Test
    public void valuesOfEveryTypeBecomeTypedConfigurationValues() {
        Map<PluginSetting, Object> typed = SettingValues.parse(ALL, Map.of("words", List.of("spam", "casino"),
                "action", "hold", "limit", 42, "strict", "true"));
        assertArrayEquals(new String[] {"spam", "casino"}, (String[]) typed.get(WORDS));
        assertEquals("hold", typed.get(ACTION));
        assertEquals(42, typed.get(LIMIT));
        assertEquals(Boolean.TRUE, typed.get(STRICT));
    }

    @Test
    public void aSingleValueForAListSettingIsAListOfOne() {
        assertArrayEquals(new String[] {"spam, casino"}, (String[]) SettingValues.parse(ALL, Map.of("words", "spam, casino")).get(WORDS));
    }

    @Test
    public void everyBadValueIsNamedAndNothingIsAccepted() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("action", "explode");
        values.put("limit", "ten");
        values.put("strict", "maybe");
        values.put("colour", "red");
        try {
            SettingValues.parse(ALL, values);
            fail("accepted");
        } catch (InvalidPluginSettingsException e) {
            assertEquals(List.of("action", "colour", "limit", "strict"), List.copyOf(e.problems().keySet()));
            assertTrue(e.problems().get("action"), e.problems().get("action").contains("reject, hold"));
            assertTrue(e.problems().get("limit"), e.problems().get("limit").contains("integer"));
            assertTrue(e.problems().get("colour"), e.problems().get("colour").contains("unknown setting"));
        }
    }

    @Test
    public void aRequiredSingleSettingCannotBeEmptiedButARequiredListCan() {
        try {
            SettingValues.parse(ALL, Map.of("limit", " "));
            fail("accepted");
        } catch (InvalidPluginSettingsException e) {
            assertTrue(e.problems().get("limit").contains("required"));
        }
        assertEquals(0, ((String[]) SettingValues.parse(ALL, Map.of("words", List.of())).get(WORDS)).length);
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("strict", null);
        assertNull(SettingValues.parse(ALL, cleared).get(STRICT));
    }

    @Test
    public void aListForASingleValueOrAnObjectIsRefused() {
        for (Object bad : List.of(List.of("reject", "hold"), Map.of("a", 1))) {
            try {
                SettingValues.parse(ALL, Map.of("action", bad));
                fail("accepted " + bad);
            } catch (InvalidPluginSettingsException e) {
                assertTrue(e.problems().containsKey("action"));
            }
        }
    }

    @Test
    public void storedValuesAndDefaultsAreShownAsJsonValues() {
        assertEquals(List.of("a", "b"), SettingValues.shown(WORDS, new String[] {"a", "b"}));
        assertEquals(List.of(), SettingValues.shown(WORDS, null));
        assertEquals("reject", SettingValues.shown(ACTION, null));
        assertEquals(10, SettingValues.shown(LIMIT, null));
        assertNull(SettingValues.shown(STRICT, null));
        assertEquals(7, SettingValues.shown(LIMIT, 7));
    }

    private static PluginSetting setting(String key, Type type, boolean multiple, boolean required, List<String> defaults,
                                         List<PluginSetting.Option> options) {
        return new PluginSetting(key, "test.pid", key, key, null, type, multiple, required, defaults, options);
    }
}
