package org.vidiverse.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.MetaTypeService;

/**
 * A small in-memory framework for the plugin manager's unit tests: bundles are installed from the manifests of the
 * jars given, and start as the test says (resolve error, activator error, a component failing, or fine).
 */
final class TestFramework {
    /** How a bundle of the given symbolic name behaves when started. */
    enum Start { FINE, UNRESOLVED, ACTIVATOR_THROWS, COMPONENT_FAILS }

    final List<TestBundle> bundles = new ArrayList<>();
    final Map<String, Start> starts = new java.util.HashMap<>();
    int installs;
    int refreshes;

    final class TestBundle {
        final long id;
        final String location;
        String symbolicName;
        String version;
        int state = Bundle.INSTALLED;
        final Bundle proxy;

        TestBundle(long id, String location, Manifest manifest) {
            this.id = id;
            this.location = location;
            read(manifest);
            this.proxy = proxy(Bundle.class, (method, args) -> switch (method) {
                case "getSymbolicName" -> symbolicName;
                case "getVersion" -> Version.parseVersion(version);
                case "getLocation" -> location;
                case "getBundleId" -> id;
                case "getState" -> state;
                case "getLastModified" -> 0L;
                case "getHeaders" -> new Hashtable<String, String>();
                case "start" -> {
                    start();
                    yield null;
                }
                case "uninstall" -> {
                    state = Bundle.UNINSTALLED;
                    bundles.remove(this);
                    yield null;
                }
                case "update" -> {
                    try (JarInputStream jar = new JarInputStream((InputStream) args[0])) {
                        read(jar.getManifest());
                    }
                    state = Bundle.INSTALLED;
                    yield null;
                }
                case "hashCode" -> (int) id;
                case "equals" -> args[0] == proxyOf(this);
                case "toString" -> symbolicName + " [" + id + "]";
                default -> throw new UnsupportedOperationException(method);
            });
        }

        private void read(Manifest manifest) {
            symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            version = manifest.getMainAttributes().getValue("Bundle-Version");
        }

        private void start() throws BundleException {
            switch (starts.getOrDefault(symbolicName + ":" + version, starts.getOrDefault(symbolicName, Start.FINE))) {
                case UNRESOLVED -> throw new BundleException("missing requirement org.example.nowhere",
                        BundleException.RESOLVE_ERROR);
                case ACTIVATOR_THROWS -> {
                    state = Bundle.RESOLVED;
                    throw new BundleException("activator failed", BundleException.ACTIVATOR_ERROR,
                            new IllegalStateException("boom"));
                }
                default -> state = Bundle.ACTIVE;
            }
        }
    }

    private Bundle proxyOf(TestBundle bundle) {
        return bundle.proxy;
    }

    TestBundle named(String symbolicName) {
        return bundles.stream().filter(b -> symbolicName.equals(b.symbolicName)).findFirst().orElse(null);
    }

    BundleContext context() {
        return proxy(BundleContext.class, (method, args) -> switch (method) {
            case "getBundles" -> bundles.stream().map(b -> b.proxy).toArray(Bundle[]::new);
            case "installBundle" -> {
                for (TestBundle known : bundles) {
                    if (known.location.equals(args[0])) {
                        yield known.proxy;
                    }
                }
                try (JarInputStream jar = new JarInputStream((InputStream) args[1])) {
                    TestBundle bundle = new TestBundle(100 + ++installs, (String) args[0], jar.getManifest());
                    bundles.add(bundle);
                    yield bundle.proxy;
                } catch (IOException e) {
                    throw new BundleException("not a jar", e);
                }
            }
            case "getServiceReferences" -> null;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    ServiceComponentRuntime components() {
        return proxy(ServiceComponentRuntime.class, (method, args) -> switch (method) {
            case "getComponentDescriptionDTOs" -> {
                Bundle bundle = ((Bundle[]) args[0])[0];   // varargs
                if (starts.get(bundle.getSymbolicName()) != Start.COMPONENT_FAILS) {
                    yield List.of();
                }
                ComponentDescriptionDTO description = new ComponentDescriptionDTO();
                description.name = "failing";
                yield List.of(description);
            }
            case "isComponentEnabled" -> true;
            case "getComponentConfigurationDTOs" -> {
                ComponentConfigurationDTO failed = new ComponentConfigurationDTO();
                failed.state = ComponentConfigurationDTO.FAILED_ACTIVATION;
                failed.failure = "java.lang.IllegalStateException: component boom\n\tat Somewhere";
                yield List.of(failed);
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    static MetaTypeService noMetatypes() {
        return proxy(MetaTypeService.class, (method, args) -> null);
    }

    /** A features service whose repositories have no feature. */
    static org.apache.karaf.features.FeaturesService noFeatures() {
        return proxy(org.apache.karaf.features.FeaturesService.class, (method, args) -> switch (method) {
            case "getFeature" -> null;
            case "isInstalled" -> false;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    static org.apache.karaf.config.core.ConfigRepository noConfigurations() {
        ConfigurationAdmin none = proxy(ConfigurationAdmin.class, (method, args) -> null);
        return proxy(org.apache.karaf.config.core.ConfigRepository.class,
                (method, args) -> method.equals("getConfigAdmin") ? none : null);
    }

    static PluginManagerConfig config(java.nio.file.Path folder) {
        return proxy(PluginManagerConfig.class, (method, args) -> switch (method) {
            case "pluginFolder" -> folder.toString();
            case "allowServerPaths" -> true;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(TestFramework.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.handle(method.getName(), args));
    }
}
