package org.vidiverse.web.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.store.VideoStore;

/**
 * Puts the web interface on the HTTP whiteboard: the {@link WebAppServlet} at the application's pages and the
 * {@link ActorPagesFilter} in front of the ActivityPub ids people open in browsers, and the {@link RootPageFilter}
 * for the home page. Registered from one component so the three share one web root and its cache.
 */
@Component(service = {}, immediate = true)
public final class WebApp {
    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public WebApp(BundleContext context, @Reference InstanceIdentity instance,
                  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                  VideoStore videos) {
        WebRoot root = WebRoot.ofClassLoader(WebApp.class.getClassLoader());
        WebAppServlet servlet = new WebAppServlet(root, new VideoHead(instance, videos));
        Dictionary<String, Object> servletProps = new Hashtable<>();
        servletProps.put("osgi.http.whiteboard.servlet.name", "vidiverse-web");
        servletProps.put("osgi.http.whiteboard.servlet.pattern", WebAppServlet.PATTERNS);
        Dictionary<String, Object> filterProps = new Hashtable<>();
        filterProps.put("osgi.http.whiteboard.filter.name", "vidiverse-web-actor-pages");
        filterProps.put("osgi.http.whiteboard.filter.pattern", ActorPagesFilter.PATTERNS);
        Dictionary<String, Object> rootProps = new Hashtable<>();
        rootProps.put("osgi.http.whiteboard.filter.name", "vidiverse-web-root");
        rootProps.put("osgi.http.whiteboard.filter.regex", RootPageFilter.REGEX);
        registrations = List.of(
                context.registerService(Servlet.class, servlet, servletProps),
                context.registerService(Filter.class, new ActorPagesFilter(servlet), filterProps),
                context.registerService(Filter.class, new RootPageFilter(servlet), rootProps));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took it down first
            }
        }
    }
}
