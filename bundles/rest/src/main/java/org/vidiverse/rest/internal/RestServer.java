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

import java.io.IOException;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.ResourceProvider;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
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
 * Publishes every JAX-RS resource and provider service (see {@link RestWhiteboard}) through one servlet at the root
 * of the HTTP port, registered with the OSGi HTTP whiteboard. Resources come and go at runtime: the JAX-RS endpoint
 * is rebuilt shortly after the last change, so a burst of registrations costs one rebuild.
 *
 * <p>A rebuild never leaves a gap: the new endpoint (its own CXF bus, servlet and server) is built beside the one
 * serving, then takes the new requests in one swap; the old one finishes the requests it has (an upload may take
 * minutes) and is destroyed after its last. Requests see the old set of resources or the new, never "no service".
 */
@Component(immediate = true, service = RestServer.class)
public final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final long REBUILD_DELAY_MS = 100;
    private static final String HTTP_TRANSPORT = "http://cxf.apache.org/transports/http";
    /** An old endpoint is destroyed at the latest this long after it was replaced, whatever still runs on it. */
    private static final long RETIRED_LIFETIME_MINUTES = 30;

    private final Set<Object> resources = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Set<Object> providers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vidiverse-rest-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final BundleContext context;
    private final PublicResponseCache publicAnswers = new PublicResponseCache();
    private final Dispatcher dispatcher = new Dispatcher();
    private ServiceRegistration<Servlet> servlet;
    private ScheduledFuture<?> pendingRebuild;

    /** Without the video store, nothing is cached: the cache needs its change count. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VideoStore videos;

    @Activate
    public RestServer(BundleContext context) {
        this.context = context;
        scheduleRebuild();
    }

    /** One built JAX-RS endpoint: its bus, its CXF servlet, its server, and the requests it is serving. */
    private static final class Endpoint {
        final Bus bus;
        final Server server;
        final CXFNonSpringServlet servlet;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean retired;
        private final AtomicBoolean destroyed = new AtomicBoolean();
        private volatile boolean initialized;

        Endpoint(Bus bus, Server server, CXFNonSpringServlet servlet) {
            this.bus = bus;
            this.server = server;
            this.servlet = servlet;
        }

        /**
         * Initialises the CXF servlet with the container's context, which exists only once the container has
         * initialised the dispatcher: at once for a rebuild, at the first request for the first endpoint.
         */
        void ensureInitialized(ServletConfig config) throws ServletException {
            if (!initialized) {
                synchronized (this) {
                    if (!initialized) {
                        servlet.init(config);
                        initialized = true;
                    }
                }
            }
        }

        void destroy() {
            if (destroyed.compareAndSet(false, true)) {
                server.destroy();
                servlet.destroy();
                bus.shutdown(true);
            }
        }

        /** Called when a request leaves: the last one out of a retired endpoint destroys it. */
        void left() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                destroy();
            }
        }
    }

    /**
     * The servlet the container knows: it hands each request to the current endpoint (through the cache of public
     * answers when it applies). Registered once the first endpoint exists, so that early requests get a clean 404.
     */
    private final class Dispatcher extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private volatile Endpoint current;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            Endpoint endpoint = enter();
            if (endpoint == null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            try {
                endpoint.ensureInitialized(new EndpointConfig());
                VideoStore store = videos;
                String key = store != null ? PublicResponseCache.keyOf(request) : null;
                if (key == null) {
                    endpoint.servlet.service(request, response);
                } else {
                    publicAnswers.serve(key, store.changeCount(), response, r -> endpoint.servlet.service(request, r));
                }
            } finally {
                endpoint.left();
            }
        }

        /** The current endpoint, counted as serving one more request; retried if it was swapped meanwhile. */
        private Endpoint enter() {
            while (true) {
                Endpoint endpoint = current;
                if (endpoint == null) {
                    return null;
                }
                endpoint.inFlight.incrementAndGet();
                if (!endpoint.retired) {
                    return endpoint;
                }
                endpoint.left();
            }
        }

        /** Puts {@code next} in service and retires the endpoint it replaces. */
        void swap(Endpoint next) {
            Endpoint previous = current;
            current = next;
            if (previous != null) {
                retire(previous);
            }
        }

        void retire(Endpoint endpoint) {
            endpoint.retired = true;
            endpoint.inFlight.incrementAndGet();   // held while checking, so the count cannot reach 0 twice
            endpoint.left();
            if (!rebuilds.isShutdown()) {
                rebuilds.schedule(endpoint::destroy, RETIRED_LIFETIME_MINUTES, TimeUnit.MINUTES);
            }
        }
    }

    private void registerServlet() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/*");
        props.put("osgi.http.whiteboard.servlet.name", "vidiverse-rest");
        props.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
        // uploads (POST /api/v1/videos/upload) are streamed to temporary files by the container, not held in memory
        props.put("osgi.http.whiteboard.servlet.multipart.enabled", Boolean.TRUE);
        props.put("osgi.http.whiteboard.servlet.multipart.fileSizeThreshold", 1024 * 1024);
        servlet = context.registerService(Servlet.class, dispatcher, props);
    }

    @Deactivate
    void deactivate() {
        rebuilds.shutdownNow();
        if (servlet != null) {
            servlet.unregister();
        }
        synchronized (this) {
            Endpoint last = dispatcher.current;
            dispatcher.current = null;
            if (last != null) {
                last.destroy();
            }
        }
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
        if (rebuilds.isShutdown()) {
            return;
        }
        List<ResourceProvider> resourceProviders = new ArrayList<>();
        List<Object> roots;
        synchronized (resources) {
            roots = new ArrayList<>(resources);
        }
        roots.forEach(r -> resourceProviders.add(new SingletonResourceProvider(r)));
        if (resourceProviders.isEmpty()) {
            Endpoint last = dispatcher.current;
            dispatcher.current = null;
            if (last != null) {
                dispatcher.retire(last);
            }
            return;
        }
        List<Object> allProviders = new ArrayList<>();
        allProviders.add(new JacksonJsonProvider(Json.mapper()));
        allProviders.add(new ProblemMapper());
        allProviders.add(new WithdrawnResourceFilter(roots, resources::contains));
        synchronized (providers) {
            allProviders.addAll(providers);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        Bus bus = null;
        try {
            bus = BusFactory.newInstance().createBus();
            DestinationRegistry registry = new DestinationRegistryImpl();
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            // the endpoint's own registry, named to both the server and the servlet: CXF's shared one holds a
            // single endpoint per address, and the new endpoint must exist at / beside the one still serving there
            factory.setDestinationFactory(new HTTPTransportFactory(registry));
            factory.setTransportId(HTTP_TRANSPORT);
            factory.setAddress("/");
            factory.setResourceProviders(resourceProviders);
            factory.setProviders(allProviders);
            Server server = factory.create();
            CXFNonSpringServlet cxf = new CXFNonSpringServlet(registry, false);
            cxf.setBus(bus);
            Endpoint next = new Endpoint(bus, server, cxf);
            if (dispatcher.getServletConfig() != null) {
                next.ensureInitialized(new EndpointConfig());   // before the swap: no request pays for it
            }
            dispatcher.swap(next);
            if (servlet == null) {
                registerServlet();
            }
            LOG.info("REST endpoint serving {} resources and {} providers", resourceProviders.size(),
                    allProviders.size());
        } catch (RuntimeException | ServletException e) {
            LOG.error("Could not publish the REST endpoint; the previous one keeps serving", e);
            if (bus != null) {
                bus.shutdown(false);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The init parameters of every endpoint's CXF servlet, which the container never sees. */
    private final class EndpointConfig implements ServletConfig {
        private final Map<String, String> parameters = Map.of("hide-service-list-page", "true",
                "static-welcome-file", "");

        @Override
        public String getServletName() {
            return "vidiverse-rest";
        }

        @Override
        public ServletContext getServletContext() {
            ServletConfig container = dispatcher.getServletConfig();
            return container == null ? null : container.getServletContext();
        }

        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
