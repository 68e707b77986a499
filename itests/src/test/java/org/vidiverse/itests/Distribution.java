package org.vidiverse.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the real Vidiverse distribution (the tar.gz the build made) with its HTTP, SSH and RMI ports moved so a
 * test never collides with a running instance or with another test.
 */
final class Distribution {
    static final String ROOT_PASSWORD = "itest-root-password";

    private Distribution() {
    }

    /** Options for a container serving HTTP on {@code httpPort}; extra options are appended. */
    static Option[] options(int httpPort, Option... extra) {
        String distribution = required("vidiverse.distribution");
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        int offset = httpPort - 9000;
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .name("Vidiverse")
                        .unpackDirectory(new File(required("vidiverse.workDir"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(8101 + offset)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(1099 + offset)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(44444 + offset)),
                editConfigurationFilePut("etc/org.vidiverse.instance.cfg", "publicUrl", "http://localhost:" + httpPort),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                // every container extracts the bundled FFmpeg into the same folder: once per build, not per test
                editConfigurationFilePut("etc/org.vidiverse.codec.ffmpeg.cfg", "extractionFolder",
                        new File(required("vidiverse.workDir"), "ffmpeg").getAbsolutePath()),
                systemProperty("pax.exam.service.timeout").value("60000"),
                // the probe waits for Pax Exam's own services 10 s by default, then gives up for good and every test
                // of the class times out: on a loaded 2-core machine the container's bundles start later than that
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                // The probe looks up Pax Exam's injector with a 10 s wait; on a loaded machine the bundle refresh at
                // the end of the boot can take longer, and the whole class then fails without running a test.
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value("120000"),
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("120000"),
                systemProperty("vidiverse.itest.httpPort").value(String.valueOf(httpPort)),
                systemProperty("vidiverse.samplePluginJar").value(required("vidiverse.samplePluginJar")),
                systemProperty("vidiverse.ldapPluginJar").value(required("vidiverse.ldapPluginJar")),
                systemProperty("vidiverse.quarantinePluginJar").value(required("vidiverse.quarantinePluginJar"))));
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        return value;
    }
}
