package org.vidiverse.rest.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.ResourceProvider;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.RestWhiteboard;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Publishes every JAX-RS resource and provider service (see {@link RestWhiteboard}) through one CXF servlet at the
 * root of the HTTP port, registered with the OSGi HTTP whiteboard. Resources come and go at runtime: the JAX-RS
 * endpoint is rebuilt shortly after the last change, so a burst of registrations costs one rebuild.
 */
@Component(immediate = true, service = RestServer.class)
public final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final long REBUILD_DELAY_MS = 100;

    private final Set<Object> resources = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Set<Object> providers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-rest-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Bus bus;
    private final BundleContext context;
    private ServiceRegistration<Servlet> servlet;
    private Server server;
    private ScheduledFuture<?> pendingRebuild;
    private final PublicResponseCache publicAnswers = new PublicResponseCache();

    /** Without the video store, nothing is cached: the cache needs its change count. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VideoStore videos;

    @Activate
    public RestServer(BundleContext context) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        this.context = context;
        scheduleRebuild();
    }

    /** Registered once the first endpoint exists, so that early requests get a clean 404 from the container. */
    private void registerServlet() {
        CXFNonSpringServlet cxf = new CXFNonSpringServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            public void service(javax.servlet.ServletRequest request, javax.servlet.ServletResponse response)
                    throws javax.servlet.ServletException, java.io.IOException {
                VideoStore store = videos;
                String key = store != null && request instanceof javax.servlet.http.HttpServletRequest http
                        ? PublicResponseCache.keyOf(http) : null;
                if (key == null || !(response instanceof javax.servlet.http.HttpServletResponse httpResponse)) {
                    super.service(request, response);
                    return;
                }
                publicAnswers.serve(key, store.changeCount(), httpResponse, r -> super.service(request, r));
            }
        };
        cxf.setBus(bus);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/*");
        props.put("osgi.http.whiteboard.servlet.name", "vidiverse-rest");
        props.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
        // uploads (POST /api/v1/videos/upload) are streamed to temporary files by the container, not held in memory
        props.put("osgi.http.whiteboard.servlet.multipart.enabled", Boolean.TRUE);
        props.put("osgi.http.whiteboard.servlet.multipart.fileSizeThreshold", 1024 * 1024);
        props.put("servlet.init.hide-service-list-page", "true");
        props.put("servlet.init.static-welcome-file", "");
        servlet = context.registerService(Servlet.class, cxf, props);
    }

    @Deactivate
    void deactivate() {
        rebuilds.shutdownNow();
        synchronized (this) {
            if (server != null) {
                server.destroy();
                server = null;
            }
        }
        if (servlet != null) {
            servlet.unregister();
        }
        bus.shutdown(true);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, service = Object.class,
            target = "(" + RestWhiteboard.RESOURCE + "=true)")
    void addResource(Object resource) {
        resources.add(resource);
        scheduleRebuild();
    }

    void removeResource(Object resource) {
        resources.remove(resource);
        scheduleRebuild();
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, service = Object.class,
            target = "(" + RestWhiteboard.PROVIDER + "=true)")
    void addProvider(Object provider) {
        providers.add(provider);
        scheduleRebuild();
    }

    void removeProvider(Object provider) {
        providers.remove(provider);
        scheduleRebuild();
    }

    private synchronized void scheduleRebuild() {
        if (rebuilds.isShutdown()) {
            return;
        }
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        pendingRebuild = rebuilds.schedule(this::rebuild, REBUILD_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void rebuild() {
        if (bus == null) {
            return;
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
        List<ResourceProvider> resourceProviders = new ArrayList<>();
        synchronized (resources) {
            resources.forEach(r -> resourceProviders.add(new SingletonResourceProvider(r)));
        }
        if (resourceProviders.isEmpty()) {
            return;
        }
        List<Object> allProviders = new ArrayList<>();
        allProviders.add(new JacksonJsonProvider(Json.mapper()));
        allProviders.add(new ProblemMapper());
        synchronized (providers) {
            allProviders.addAll(providers);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            factory.setResourceProviders(resourceProviders);
            factory.setProviders(allProviders);
            server = factory.create();
            if (servlet == null) {
                registerServlet();
            }
            LOG.info("REST endpoint serving {} resources and {} providers", resourceProviders.size(),
                    allProviders.size());
        } catch (RuntimeException e) {
            LOG.error("Could not publish the REST endpoint", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
