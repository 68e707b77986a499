package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.Test;

public class CorsFilterTest {
    @Test
    public void everyAnswerIsOpenToOtherOriginsAndPreflightsNameWhatUploadsUse() {
        MultivaluedMap<String, Object> get = filter("GET");
        assertEquals("*", get.getFirst("Access-Control-Allow-Origin"));
        assertEquals(CorsFilter.EXPOSE_HEADERS, get.getFirst("Access-Control-Expose-Headers"));
        assertNull(get.getFirst("Access-Control-Allow-Methods"));

        MultivaluedMap<String, Object> preflight = filter("OPTIONS");
        assertEquals("*", preflight.getFirst("Access-Control-Allow-Origin"));
        assertEquals(CorsFilter.ALLOW_METHODS, preflight.getFirst("Access-Control-Allow-Methods"));
        assertEquals(CorsFilter.ALLOW_HEADERS, preflight.getFirst("Access-Control-Allow-Headers"));
    }

    private static MultivaluedMap<String, Object> filter(String method) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                CorsFilterTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (p, m, args) -> m.getName().equals("getMethod") ? method : null);
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                CorsFilterTest.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (p, m, args) -> m.getName().equals("getHeaders") ? headers : null);
        new CorsFilter().filter(request, response);
        return headers;
    }
}
