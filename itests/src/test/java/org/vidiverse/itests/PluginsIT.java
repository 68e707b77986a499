package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict.Decision;
import org.vidiverse.itests.plugins.ThrowingActivator;
import org.vidiverse.itests.plugins.ThrowingComponent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Admins manage plugins over PeerTube's {@code /api/v1/plugins}: install the sample watched-words plugin by path and
 * by upload, change its settings and see the effect, uninstall it; broken jars are refused with a clear 4xx and
 * leave no bundle behind; the core is never refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsIT {
    private static final int PORT = 9197;
    private static final String SAMPLE = "org.vidiverse.sample.moderation.watchedwords";
    private static final String POLICY = "watched-words";
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @Inject
    BundleContext context;
    @Inject
    ModerationService moderation;
    @Inject
    SessionFactory sessions;

    private final Http http = new Http(PORT);

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    @Test
    public void adminInstallsConfiguresAndUninstallsThePluginOverHttp() throws Exception {
        http.awaitOk("/api/v1/config");
        String root = http.login("root", Distribution.ROOT_PASSWORD);
        long storageModified = bundle("org.vidiverse.storage").getLastModified();

        assertEquals(401, http.get("/api/v1/plugins").status());
        String user = userToken(root);
        assertEquals(403, http.get("/api/v1/plugins", user).status());
        assertEquals(403, http.json("POST", "/api/v1/plugins/install", user,
                "{\"path\":\"" + System.getProperty("vidiverse.samplePluginJar") + "\"}").status());

        JsonNode before = ok(http.get("/api/v1/plugins?start=0&count=100&sort=name", root));
        assertFalse(names(before).contains(SAMPLE));
        assertEquals(0, ok(http.get("/api/v1/plugins?pluginType=2", root)).path("total").asInt());

        JsonNode installed = ok(http.json("POST", "/api/v1/plugins/install", root,
                "{\"path\":\"" + System.getProperty("vidiverse.samplePluginJar") + "\"}"));
        assertEquals(SAMPLE, installed.path("name").asText());
        assertEquals(1, installed.path("type").asInt());
        assertTrue(installed.path("enabled").asBoolean());
        assertTrue(installed.path("managed").asBoolean());
        assertEquals(POLICY, installed.path("contributions").path(0).path("name").asText());
        assertEquals("MODERATION_POLICY", installed.path("contributions").path(0).path("extensionPoint").asText());
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));

        JsonNode listed = ok(http.get("/api/v1/plugins", root));
        assertTrue(listed.toString(), names(listed).contains(SAMPLE));
        JsonNode one = ok(http.get("/api/v1/plugins/peertube-plugin-" + SAMPLE, root));
        assertEquals("ACTIVE", one.path("contributions").path(0).path("state").asText());
        assertEquals(0, one.path("contributions").path(0).path("failures").asInt());

        JsonNode registered = ok(http.get("/api/v1/plugins/" + SAMPLE + "/registered-settings", root))
                .path("registeredSettings");
        JsonNode action = setting(registered, "action");
        assertEquals("select", action.path("type").asText());
        assertEquals(2, action.path("options").size());
        assertTrue(setting(registered, "words").path("multiple").asBoolean());

        Http.Answer changed = http.json("PUT", "/api/v1/plugins/" + SAMPLE + "/settings", root,
                "{\"settings\":{\"words\":[\"casino\",\"lottery\"],\"action\":\"hold\"}}");
        assertEquals(changed.body(), 204, changed.status());
        Await.until("the new settings apply", QUICKLY, () -> moderate("casino night") == Decision.HOLD);
        assertEquals(Decision.ACCEPT, moderate("holiday in the mountains"));
        JsonNode settings = ok(http.get("/api/v1/plugins/" + SAMPLE + "/settings", root)).path("settings");
        assertEquals("hold", settings.path("action").asText());
        assertEquals("lottery", settings.path("words").path(1).asText());

        Http.Answer invalid = http.json("PUT", "/api/v1/plugins/" + SAMPLE + "/settings", root,
                "{\"settings\":{\"action\":\"explode\",\"colour\":\"red\"}}");
        assertEquals(invalid.body(), 400, invalid.status());
        assertTrue(invalid.body(), invalid.json().path("invalid-params").has("settings.action"));
        assertTrue(invalid.body(), invalid.json().path("invalid-params").has("settings.colour"));
        assertEquals("hold", ok(http.get("/api/v1/plugins/" + SAMPLE + "/settings", root))
                .path("settings").path("action").asText());

        String shellList = Shell.run(sessions, "vid:plugin-list");
        assertTrue(shellList, shellList.contains(SAMPLE) && shellList.contains(POLICY));
        assertTrue(Shell.run(sessions, "vid:plugin-settings " + SAMPLE).contains("hold"));

        Http.Answer again = http.json("POST", "/api/v1/plugins/install", root,
                "{\"path\":\"" + System.getProperty("vidiverse.samplePluginJar") + "\"}");
        assertEquals(again.body(), 409, again.status());

        Http.Answer removed = http.json("POST", "/api/v1/plugins/uninstall", root,
                "{\"npmName\":\"peertube-plugin-" + SAMPLE + "\"}");
        assertEquals(removed.body(), 204, removed.status());
        Await.until("the policy is gone", QUICKLY, () -> !moderation.activePolicies().contains(POLICY));
        assertFalse(installed(SAMPLE));
        assertFalse(names(ok(http.get("/api/v1/plugins", root))).contains(SAMPLE));
        assertTrue(names(ok(http.get("/api/v1/plugins?uninstalled=true", root))).contains(SAMPLE));
        assertEquals(404, http.json("POST", "/api/v1/plugins/uninstall", root,
                "{\"npmName\":\"" + SAMPLE + "\"}").status());

        // the same jar uploaded: installed again, and its settings were kept
        Http.Answer uploaded = upload(root, Files.readAllBytes(Path.of(System.getProperty("vidiverse.samplePluginJar"))));
        assertEquals(uploaded.body(), 200, uploaded.status());
        Await.until("the uploaded policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));
        assertEquals(Decision.HOLD, moderate("lottery tickets"));

        // the same settings from the shell
        Shell.run(sessions, "vid:plugin-settings " + SAMPLE + " action=reject words=lottery,casino");
        Await.until("the shell's settings apply", QUICKLY, () -> moderate("lottery tickets") == Decision.REJECT);
        String refused = Shell.run(sessions, "vid:plugin-settings " + SAMPLE + " action=explode");
        assertTrue(refused, refused.contains("Not changed: action"));
        assertTrue(Shell.run(sessions, "vid:plugin-remove " + SAMPLE).contains("Removed"));
        assertFalse(installed(SAMPLE));

        assertEquals("the core was not refreshed", storageModified, bundle("org.vidiverse.storage").getLastModified());
    }

    @Test
    public void aPluginFeatureInstallsAndUninstallsOverHttpWithoutRefreshingTheCore() throws Exception {
        http.awaitOk("/api/v1/config");
        String root = http.login("root", Distribution.ROOT_PASSWORD);
        String feature = "vidiverse-moderation-watched-words";
        long restModified = bundle("org.vidiverse.rest").getLastModified();

        JsonNode installed = ok(http.json("POST", "/api/v1/plugins/install", root,
                "{\"npmName\":\"feature:" + feature + "\"}"));
        assertEquals(feature, installed.path("name").asText());
        assertTrue(installed.path("managed").asBoolean());
        assertEquals(POLICY, installed.path("contributions").path(0).path("name").asText());
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));
        List<String> listed = names(ok(http.get("/api/v1/plugins", root)));
        assertTrue(listed.toString(), listed.contains(feature));
        assertFalse("its bundle is listed under the feature", listed.contains(SAMPLE));
        assertEquals(2, ok(http.get("/api/v1/plugins/" + feature + "/registered-settings", root))
                .path("registeredSettings").size());

        Http.Answer removed = http.json("POST", "/api/v1/plugins/uninstall", root, "{\"npmName\":\"" + feature + "\"}");
        assertEquals(removed.body(), 204, removed.status());
        Await.until("the policy is gone", QUICKLY, () -> !moderation.activePolicies().contains(POLICY));
        assertFalse(installed(SAMPLE));

        Http.Answer unknown = http.json("POST", "/api/v1/plugins/install", root, "{\"npmName\":\"feature:no-such-feature\"}");
        assertEquals(unknown.body(), 400, unknown.status());
        assertEquals(restModified, bundle("org.vidiverse.rest").getLastModified());
    }

    @Test
    public void mavenCoordinatesInstallAndAnUpdateReplacesTheBundleInPlace() throws Exception {
        http.awaitOk("/api/v1/config");
        String root = http.login("root", Distribution.ROOT_PASSWORD);
        Path jar = Path.of(System.getProperty("vidiverse.samplePluginJar"));
        String version = jar.getFileName().toString().replace(SAMPLE + "-", "").replace(".jar", "");

        // the distribution's system/ folder is one of the Maven repositories the instance resolves from
        JsonNode installed = ok(http.json("POST", "/api/v1/plugins/install", root, "{\"npmName\":\"org.vidiverse:"
                + SAMPLE + "\",\"pluginVersion\":\"" + version + "\"}"));
        assertEquals(SAMPLE, installed.path("name").asText());
        assertEquals("mvn:org.vidiverse/" + SAMPLE + "/" + version, installed.path("source").asText());
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));
        long bundleId = bundle(SAMPLE).getBundleId();

        JsonNode updated = ok(http.json("POST", "/api/v1/plugins/update", root,
                "{\"npmName\":\"peertube-plugin-" + SAMPLE + "\",\"path\":\"" + jar + "\"}"));
        assertEquals(jar.toString(), updated.path("source").asText());
        assertEquals("updated in place", bundleId, bundle(SAMPLE).getBundleId());
        Await.until("the policy is active again", QUICKLY, () -> moderation.activePolicies().contains(POLICY));

        Http.Answer notABundleUpdate = http.json("POST", "/api/v1/plugins/update", root,
                "{\"npmName\":\"" + SAMPLE + "\",\"path\":\"" + System.getProperty("vidiverse.ldapPluginJar") + "\"}");
        assertEquals(notABundleUpdate.body(), 400, notABundleUpdate.status());
        assertEquals("plugin_name_mismatch", notABundleUpdate.json().path("code").asText());
        assertEquals(Bundle.ACTIVE, bundle(SAMPLE).getState());

        assertEquals(204, http.json("POST", "/api/v1/plugins/uninstall", root, "{\"npmName\":\"" + SAMPLE + "\"}").status());
        Await.until("the policy is gone", QUICKLY, () -> !moderation.activePolicies().contains(POLICY));
    }

    @Test
    public void brokenJarsAreRefusedAndLeaveNothingInstalled() throws Exception {
        http.awaitOk("/api/v1/config");
        String root = http.login("root", Distribution.ROOT_PASSWORD);
        long restModified = bundle("org.vidiverse.rest").getLastModified();
        Path folder = Files.createTempDirectory("broken-plugins");

        Path notABundle = jar(folder.resolve("plain.jar"), Map.of(), Map.of("hello.txt", "hi".getBytes()));
        refused(root, notABundle, "plugin_not_a_bundle", null);

        Path unresolvable = jar(folder.resolve("unresolvable.jar"), Map.of("Bundle-SymbolicName", "itest.unresolvable",
                "Import-Package", "org.example.nowhere;version=\"[1,2)\""), Map.of());
        refused(root, unresolvable, "plugin_unresolved", "itest.unresolvable");

        Path throwing = jar(folder.resolve("throwing.jar"), Map.of("Bundle-SymbolicName", "itest.throwing.activator",
                "Bundle-Activator", ThrowingActivator.class.getName(), "Import-Package", "org.osgi.framework"),
                Map.of(classEntry(ThrowingActivator.class), classBytes(ThrowingActivator.class)));
        refused(root, throwing, "plugin_activation_failed", "itest.throwing.activator");

        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"itest.throwing\" "
                + "immediate=\"true\"><implementation class=\"" + ThrowingComponent.class.getName() + "\"/>"
                + "</scr:component>";
        Path throwingComponent = jar(folder.resolve("throwing-component.jar"), Map.of("Bundle-SymbolicName",
                "itest.throwing.component", "Service-Component", "OSGI-INF/throwing.xml"),
                Map.of(classEntry(ThrowingComponent.class), classBytes(ThrowingComponent.class),
                        "OSGI-INF/throwing.xml", component.getBytes(StandardCharsets.UTF_8)));
        refused(root, throwingComponent, "plugin_activation_failed", "itest.throwing.component");

        String shellInstall = Shell.run(sessions, "vid:plugin-install " + throwingComponent);
        assertTrue(shellInstall, shellInstall.contains("Not installed (activation_failed)"));
        assertFalse(installed("itest.throwing.component"));

        Http.Answer upload = upload(root, Files.readAllBytes(throwing));
        assertEquals(upload.body(), 400, upload.status());
        assertFalse(installed("itest.throwing.activator"));

        Http.Answer npm = http.json("POST", "/api/v1/plugins/install", root, "{\"npmName\":\"peertube-plugin-hello-world\"}");
        assertEquals(npm.body(), 400, npm.status());
        assertTrue(npm.body(), npm.json().path("invalid-params").has("npmName"));
        Http.Answer missing = http.json("POST", "/api/v1/plugins/install", root,
                "{\"npmName\":\"org.example:no-such-plugin:1.0.0\"}");
        assertEquals(missing.body(), 400, missing.status());
        Http.Answer relative = http.json("POST", "/api/v1/plugins/install", root, "{\"path\":\"plugins/a.jar\"}");
        assertEquals(relative.body(), 400, relative.status());

        assertEquals("the core was not refreshed", restModified, bundle("org.vidiverse.rest").getLastModified());
        for (String name : List.of("itest.unresolvable", "itest.throwing.activator", "itest.throwing.component")) {
            assertFalse(name + " left nothing in the plugin folder",
                    Files.exists(Path.of(System.getProperty("karaf.data"), "plugins", name + ".jar")));
        }
    }

    private void refused(String token, Path jar, String code, String symbolicName) throws Exception {
        Http.Answer answer = http.json("POST", "/api/v1/plugins/install", token, "{\"path\":\"" + jar + "\"}");
        assertEquals(answer.body(), 400, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
        assertEquals(answer.body(), code, answer.json().path("code").asText());
        if (symbolicName != null) {
            assertFalse(symbolicName + " was left installed", installed(symbolicName));
        }
    }

    private Decision moderate(String title) {
        return moderation.moderate(ModerationSubject.upload("root@localhost:" + PORT, "localhost:" + PORT, title, null,
                List.of())).decision();
    }

    private String userToken(String root) throws Exception {
        Http.Answer created = http.json("POST", "/api/v1/users", root, "{\"username\":\"plugins_user\","
                + "\"email\":\"plugins_user@example.org\",\"password\":\"plugins-user-password\",\"role\":2,"
                + "\"videoQuota\":-1,\"videoQuotaDaily\":-1}");
        assertEquals(created.body(), 200, created.status());
        return http.login("plugins_user", "plugins-user-password");
    }

    private Http.Answer upload(String token, byte[] jar) throws Exception {
        String boundary = "----vidiverse-itest-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pluginfile\"; filename=\"plugin.jar\""
                + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jar);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.bytes("POST", "/api/v1/plugins/upload", token, body.toByteArray(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertEquals(answer.body(), 200, answer.status());
        return answer.json();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new java.util.ArrayList<>();
        list.path("data").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static JsonNode setting(JsonNode registered, String name) {
        for (JsonNode setting : registered) {
            if (name.equals(setting.path("name").asText())) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + name + " in " + registered);
    }

    private boolean installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }

    private static String classEntry(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classEntry(type))) {
            return in.readAllBytes();
        }
    }

    /** A jar with the given main manifest attributes (a bundle when they name one) and entries. */
    private static Path jar(Path file, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (!headers.isEmpty()) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        }
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }
}
