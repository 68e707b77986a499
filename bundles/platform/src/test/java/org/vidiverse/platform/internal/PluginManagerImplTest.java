package org.vidiverse.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;
import org.vidiverse.api.plugin.PluginSource;
import org.vidiverse.platform.internal.TestFramework.Start;

public class PluginManagerImplTest {
    private final TestFramework framework = new TestFramework();
    private Path folder;
    private Path work;
    private PluginManagerImpl manager;

    @Before
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("plugins");
        work = Files.createTempDirectory("jars");
        manager = newManager();
    }

    private PluginManagerImpl newManager() {
        return new PluginManagerImpl(framework.context(), TestFramework.config(folder), List::of,
                framework.components(), TestFramework.noMetatypes(), TestFramework.noConfigurations(),
                TestFramework.noFeatures());
    }

    @Test
    public void aGoodBundleIsStartedKeptAndRecorded() throws Exception {
        InstalledPlugin plugin = manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        assertEquals("org.example.good", plugin.name());
        assertEquals("ACTIVE", plugin.state());
        assertTrue(plugin.managed());
        assertTrue(Files.isRegularFile(folder.resolve("org.example.good.jar")));
        assertEquals(List.of("org.example.good"), manager.list(false).stream().map(InstalledPlugin::name).toList());
        assertEquals("org.example.good", manager.find("peertube-plugin-org.example.good").orElseThrow().name());
        assertNoIncomingFilesLeft();
    }

    @Test
    public void aJarWithoutBundleSymbolicNameIsRefusedBeforeTheFrameworkSeesIt() throws Exception {
        refused(Reason.NOT_A_BUNDLE, () -> manager.install(PluginSource.jar(jar("plain.jar", new Manifest()))));
        assertEquals(0, framework.installs);
        assertNoIncomingFilesLeft();
    }

    @Test
    public void anUnresolvableBundleIsUninstalledAndItsJarDeleted() throws Exception {
        framework.starts.put("org.example.unresolved", Start.UNRESOLVED);
        refused(Reason.UNRESOLVED, () -> manager.install(PluginSource.jar(bundleJar("org.example.unresolved", "1.0.0"))));
        assertTakenOut("org.example.unresolved");
    }

    @Test
    public void aBundleWhoseActivatorThrowsIsUninstalled() throws Exception {
        framework.starts.put("org.example.throws", Start.ACTIVATOR_THROWS);
        PluginInstallException e = refused(Reason.ACTIVATION_FAILED,
                () -> manager.install(PluginSource.jar(bundleJar("org.example.throws", "1.0.0"))));
        assertTrue(e.getMessage(), e.getMessage().contains("boom"));
        assertTakenOut("org.example.throws");
    }

    @Test
    public void aBundleWhoseComponentFailsToActivateIsUninstalled() throws Exception {
        framework.starts.put("org.example.component", Start.COMPONENT_FAILS);
        PluginInstallException e = refused(Reason.ACTIVATION_FAILED,
                () -> manager.install(PluginSource.jar(bundleJar("org.example.component", "1.0.0"))));
        assertTrue(e.getMessage(), e.getMessage().contains("component failing failed to activate: "
                + "java.lang.IllegalStateException: component boom"));
        assertTakenOut("org.example.component");
    }

    @Test
    public void aSecondInstallOfTheSameBundleIsRefusedAndTheFirstStays() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        refused(Reason.ALREADY_INSTALLED, () -> manager.install(PluginSource.jar(bundleJar("org.example.good", "1.1.0"))));
        assertEquals("1.0.0", framework.named("org.example.good").version);
        assertEquals(1, framework.installs);
    }

    @Test
    public void anUpdateReplacesTheBundleInPlace() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        long id = framework.named("org.example.good").id;
        InstalledPlugin updated = manager.update("org.example.good", PluginSource.jar(bundleJar("org.example.good", "2.0.0")));
        assertEquals("2.0.0", updated.version());
        assertEquals(id, framework.named("org.example.good").id);
        assertEquals(1, framework.installs);
    }

    @Test
    public void aFailedUpdatePutsThePreviousVersionBack() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        framework.starts.put("org.example.good:2.0.0", Start.ACTIVATOR_THROWS);
        PluginInstallException e = refused(Reason.ACTIVATION_FAILED,
                () -> manager.update(null, PluginSource.jar(bundleJar("org.example.good", "2.0.0"))));
        assertTrue(e.getMessage(), e.getMessage().contains("version 1.0.0 runs again"));
        assertEquals("1.0.0", framework.named("org.example.good").version);
        assertEquals(org.osgi.framework.Bundle.ACTIVE, framework.named("org.example.good").state);
        assertEquals("1.0.0", manager.find("org.example.good").orElseThrow().version());
    }

    @Test
    public void anUpdateWithAnotherBundleIsRefused() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        refused(Reason.NAME_MISMATCH, () -> manager.update("org.example.good",
                PluginSource.jar(bundleJar("org.example.other", "1.0.0"))));
    }

    @Test
    public void uninstallRemovesTheBundleAndRemembersThePlugin() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        manager.uninstall("peertube-plugin-org.example.good");
        assertNull(framework.named("org.example.good"));
        assertFalse(Files.exists(folder.resolve("org.example.good.jar")));
        assertTrue(manager.list(false).isEmpty());
        assertTrue(manager.list(true).get(0).uninstalled());
        refused(Reason.NOT_INSTALLED, () -> {
            manager.uninstall("org.example.good");
            return null;
        });
    }

    @Test
    public void bundlesNotInstalledByTheManagerCannotBeRemovedThroughIt() throws Exception {
        framework.context().installBundle("mvn:org.example/core/1.0.0",
                Files.newInputStream(bundleJar("org.example.core", "1.0.0")));
        refused(Reason.NOT_MANAGED, () -> {
            manager.uninstall("org.example.core");
            return null;
        });
    }

    @Test
    public void pluginsMissingFromAnEmptiedBundleCacheComeBackFromTheirKeptJars() throws Exception {
        manager.install(PluginSource.jar(bundleJar("org.example.good", "1.0.0")));
        framework.bundles.clear();   // as after a restart with the bundle cache deleted

        newManager();
        assertEquals(org.osgi.framework.Bundle.ACTIVE, framework.named("org.example.good").state);
        assertEquals(folder.resolve("org.example.good.jar").toUri().toString(), framework.named("org.example.good").location);
    }

    @Test
    public void aFeatureNoRepositoryHasIsRefused() throws Exception {
        refused(Reason.SOURCE_UNREADABLE, () -> manager.install(PluginSource.feature("feature:no-such-feature/1.0")));
        refused(Reason.UNSUPPORTED, () -> manager.update(null, PluginSource.feature("feature:no-such-feature")));
        assertEquals(0, framework.installs);
    }

    private void assertTakenOut(String symbolicName) throws IOException {
        assertNull(symbolicName + " is still installed", framework.named(symbolicName));
        assertFalse(Files.exists(folder.resolve(symbolicName + ".jar")));
        assertTrue(manager.list(true).isEmpty());
        assertNoIncomingFilesLeft();
    }

    private void assertNoIncomingFilesLeft() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".incoming")).toList());
        }
    }

    private static PluginInstallException refused(Reason reason, java.util.concurrent.Callable<?> action) throws Exception {
        try {
            action.call();
        } catch (PluginInstallException e) {
            assertEquals(e.getMessage(), reason, e.reason());
            return e;
        }
        fail("not refused");
        return null;
    }

    private Path bundleJar(String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        return jar(symbolicName + "-" + version + ".jar", manifest);
    }

    private Path jar(String name, Manifest manifest) throws IOException {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path file = work.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
