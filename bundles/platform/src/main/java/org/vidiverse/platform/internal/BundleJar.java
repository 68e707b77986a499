package org.vidiverse.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;

/** What the manifest of a plugin jar says, read before anything is installed. */
record BundleJar(String symbolicName, String version) {

    /**
     * @throws PluginInstallException {@code SOURCE_UNREADABLE} when the file is no jar, {@code NOT_A_BUNDLE} when
     *                                its manifest has no {@code Bundle-SymbolicName} or it is a fragment
     */
    static BundleJar read(Path jar, String shownAs) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new PluginInstallException(Reason.SOURCE_UNREADABLE, shownAs + " is not a jar file: " + e.getMessage(), e);
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new PluginInstallException(Reason.NOT_A_BUNDLE, shownAs + " is not an OSGi bundle: its manifest has "
                    + "no Bundle-SymbolicName (build it with bnd-maven-plugin, as plugins-sample/plugin-template does)");
        }
        if (main.getValue("Fragment-Host") != null) {
            throw new PluginInstallException(Reason.NOT_A_BUNDLE, shownAs + " is a fragment bundle: attaching it would "
                    + "refresh its host, so it cannot be a plugin");
        }
        String name = symbolicName.split(";", 2)[0].trim();
        String version = main.getValue("Bundle-Version");
        return new BundleJar(name, version == null || version.isBlank() ? "0.0.0" : version.trim());
    }
}
