package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;
import org.vidiverse.api.plugin.PluginSource;
import org.vidiverse.rest.api.Problem;

public class PluginsResourceTest {

    @Test
    public void anAbsolutePathIsAJarOnTheServer() {
        assertEquals(PluginSource.jar(Path.of("/srv/plugins/a.jar")), source("path", "/srv/plugins/a.jar"));
    }

    @Test
    public void npmNameTakesMavenCoordinatesOrAFeature() {
        assertEquals("mvn:org.example/a/1.0", source("npmName", "org.example:a:1.0").mavenUrl());
        assertEquals("mvn:org.example/a/2.0", source("npmName", "org.example:a", "pluginVersion", "2.0").mavenUrl());
        assertEquals("mvn:org.example/a/1.0", source("npmName", "mvn:org.example/a/1.0").mavenUrl());
        PluginSource feature = source("npmName", "feature:vidiverse-moderation-watched-words", "pluginVersion", "0.1.0");
        assertEquals("vidiverse-moderation-watched-words", feature.featureName());
        assertEquals("0.1.0", feature.featureVersion());
    }

    @Test
    public void npmPackagesRelativePathsAndNothingAtAllAreBadRequests() {
        refused("npmName", "npmName", "peertube-plugin-hello-world");
        refused("path", "path", "plugins/a.jar");
        refused("npmName");
    }

    @Test
    public void managerRefusalsBecomeProblemsWithTheirReasonAsCode() {
        assertStatus(404, "plugin_not_installed", Reason.NOT_INSTALLED);
        assertStatus(409, "plugin_already_installed", Reason.ALREADY_INSTALLED);
        assertStatus(400, "plugin_unresolved", Reason.UNRESOLVED);
        assertStatus(400, "plugin_activation_failed", Reason.ACTIVATION_FAILED);
    }

    private static void assertStatus(int status, String code, Reason reason) {
        try {
            PluginsResource.call(() -> {
                throw new PluginInstallException(reason, "refused");
            });
            fail("no problem");
        } catch (Problem p) {
            assertEquals(status, p.status());
            assertEquals(code, p.code());
        }
    }

    private static PluginSource source(String... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        return PluginsResource.source(body, true);
    }

    private static void refused(String param, String... fields) {
        try {
            source(fields);
            fail("accepted");
        } catch (Problem p) {
            assertEquals(400, p.status());
            assertEquals(java.util.Set.of(param), p.invalidParams().keySet());
        }
    }
}
