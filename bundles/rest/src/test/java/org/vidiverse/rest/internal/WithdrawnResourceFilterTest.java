package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.Test;

public class WithdrawnResourceFilterTest {
    private final Object pluginResource = new Object();
    private final Object coreResource = new Object();
    private final Object subResource = new Object();

    @Test
    public void aWithdrawnRootResourceAnswers503WithRetryAfter() {
        WithdrawnResourceFilter filter = new WithdrawnResourceFilter(List.of(pluginResource, coreResource),
                Set.of(coreResource)::contains);
        filter.uriInfo = matched(pluginResource);

        Response aborted = run(filter);

        assertEquals(503, aborted.getStatus());
        assertEquals("1", aborted.getHeaderString("Retry-After"));
    }

    @Test
    public void liveResourcesAndTheirSubResourcesPass() {
        WithdrawnResourceFilter filter = new WithdrawnResourceFilter(List.of(pluginResource, coreResource),
                Set.of(pluginResource, coreResource)::contains);
        filter.uriInfo = matched(subResource, pluginResource);
        assertNull(run(filter));

        WithdrawnResourceFilter withoutPlugin = new WithdrawnResourceFilter(List.of(coreResource),
                Set.of(coreResource)::contains);
        withoutPlugin.uriInfo = matched(coreResource);
        assertNull(run(withoutPlugin));
    }

    private static UriInfo matched(Object... resources) {
        List<Object> list = new ArrayList<>(List.of(resources));
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMatchedResources")) {
                        return list;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Response run(WithdrawnResourceFilter filter) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("abortWith")) {
                        aborted.set((Response) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        filter.filter(request);
        return aborted.get();
    }
}
