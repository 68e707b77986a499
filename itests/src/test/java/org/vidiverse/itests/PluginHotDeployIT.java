package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

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
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.osgi.service.cm.ConfigurationAdmin;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.moderation.Verdict.Decision;

/** The sample moderation plugin joins and leaves a running instance, from deploy/ or as a feature. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotDeployIT {
    private static final String PID = "org.vidiverse.sample.watchedwords";
    private static final String POLICY = "watched-words";
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @Inject
    BundleContext context;
    @Inject
    ModerationService moderation;
    @Inject
    ConfigurationAdmin configs;
    @Inject
    SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return Distribution.options(9181);
    }

    @Test
    public void jarDroppedIntoDeployIsUsedAndRemovingItStopsThat() throws Exception {
        Http.forThisContainer().awaitOk("/api/v1/config");
        configureWords("spam, casino", "reject");
        Bundle storage = bundle("org.vidiverse.storage");
        long storageModified = storage.getLastModified();
        assertEquals(Decision.ACCEPT, moderate("cheap spam here").decision());

        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "watched-words.jar");
        Files.copy(Path.of(System.getProperty("vidiverse.samplePluginJar")), deployed, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));

        Verdict refused = moderate("cheap spam here");
        assertEquals(Decision.REJECT, refused.decision());
        assertTrue(refused.reason(), refused.reason().contains("spam"));
        assertEquals(POLICY, refused.policy());
        assertEquals(Decision.ACCEPT, moderate("holiday in the mountains").decision());
        assertTrue(Shell.run(sessions, "vid:plugins").contains(POLICY));

        configureWords("casino", "hold");
        Await.until("the new settings apply", QUICKLY, () -> moderate("casino night").decision() == Decision.HOLD);
        assertEquals(Decision.ACCEPT, moderate("cheap spam here").decision());

        Files.delete(deployed);
        Await.until("the policy is gone", QUICKLY, () -> !moderation.activePolicies().contains(POLICY));
        assertEquals(Decision.ACCEPT, moderate("casino night").decision());
        assertFalse(Shell.run(sessions, "vid:plugins").contains(POLICY));

        assertEquals("the core was not refreshed", storageModified, storage.getLastModified());
        assertEquals(Bundle.ACTIVE, storage.getState());
    }

    @Test
    public void pluginFeatureInstallsAndUninstallsWithoutRefreshingTheCore() throws Exception {
        configureWords("lottery", "reject");
        Http.forThisContainer().awaitOk("/api/v1/config");
        long restModified = bundle("org.vidiverse.rest").getLastModified();

        // as an admin types it; -r: never refresh other bundles
        Shell.run(sessions, "feature:install -r vidiverse-moderation-watched-words");
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));
        assertEquals(Decision.REJECT, moderate("win the lottery").decision());

        Shell.run(sessions, "feature:uninstall -r vidiverse-moderation-watched-words");
        Await.until("the policy is gone", QUICKLY, () -> !moderation.activePolicies().contains(POLICY));
        assertEquals(Decision.ACCEPT, moderate("win the lottery").decision());
        assertEquals(restModified, bundle("org.vidiverse.rest").getLastModified());
    }

    private Verdict moderate(String title) {
        return moderation.moderate(ModerationSubject.upload("root@localhost:9181", "localhost:9181", title, null, List.of()));
    }

    private void configureWords(String words, String action) throws Exception {
        org.osgi.service.cm.Configuration config = configs.getConfiguration(PID, "?");
        if (config.getAttributes().contains(ConfigurationAttribute.READ_ONLY)) {
            throw new AssertionError("configuration is read only");
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("words", words);
        props.put("action", action);
        config.update(props);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }
}
