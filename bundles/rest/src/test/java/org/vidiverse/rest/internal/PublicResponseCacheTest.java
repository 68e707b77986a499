package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;

public class PublicResponseCacheTest {
    private final PublicResponseCache cache = new PublicResponseCache();
    private final AtomicInteger built = new AtomicInteger();

    @Test
    public void onlyAnonymousGetsOfPublicVideoListsAreCached() {
        assertEquals("/api/v1/videos?count=25", PublicResponseCache.keyOf(request("GET", "/api/v1/videos", "count=25",
                null)));
        assertEquals("/api/v1/search/videos?search=cat", PublicResponseCache.keyOf(request("GET",
                "/api/v1/search/videos", "search=cat", null)));
        assertEquals("/api/v1/video-channels/music/videos", PublicResponseCache.keyOf(request("GET",
                "/api/v1/video-channels/music/videos", null, null)));
        assertNull(PublicResponseCache.keyOf(request("GET", "/api/v1/videos", null, "Bearer abc")));
        assertNull(PublicResponseCache.keyOf(request("POST", "/api/v1/videos", null, null)));
        assertNull(PublicResponseCache.keyOf(request("GET", "/api/v1/videos/12", null, null)));
        assertNull(PublicResponseCache.keyOf(request("GET", "/api/v1/users/me", null, null)));
    }

    @Test
    public void servesTheSameBytesUntilAVideoWrite() throws Exception {
        FakeResponse first = serve("k", 7, 200, "{\"total\":1}");
        FakeResponse second = serve("k", 7, 200, "{\"total\":2}");
        assertEquals("{\"total\":1}", second.body());
        assertEquals("hit", second.headers.get(PublicResponseCache.HEADER).get(0));
        assertEquals("miss", first.headers.get(PublicResponseCache.HEADER).get(0));
        assertEquals("application/json", second.contentType);
        assertEquals("the handler's own headers come back with the bytes", List.of("yes"),
                second.headers.get("X-Handler"));
        assertEquals(1, built.get());

        FakeResponse afterWrite = serve("k", 8, 200, "{\"total\":2}");
        assertEquals("{\"total\":2}", afterWrite.body());
        assertEquals(2, built.get());
    }

    @Test
    public void anOldAnswerIsServedWhileItsSuccessorIsBuilt() throws Exception {
        PublicResponseCache quick = new PublicResponseCache(0);   // every answer is old at once
        FakeResponse first = new FakeResponse();
        quick.serve("k", 3, first.proxy(), r -> r.getOutputStream().write("one".getBytes(StandardCharsets.UTF_8)));
        java.util.concurrent.CountDownLatch building = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread builder = new Thread(() -> {
            try {
                quick.serve("k", 3, new FakeResponse().proxy(), r -> {
                    building.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new java.io.IOException(e);
                    }
                    r.getOutputStream().write("two".getBytes(StandardCharsets.UTF_8));
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        builder.start();
        building.await();
        FakeResponse meanwhile = new FakeResponse();
        quick.serve("k", 3, meanwhile.proxy(), r -> {
            throw new AssertionError("a second build while one runs");
        });
        assertEquals("one", meanwhile.body());
        assertEquals("stale", meanwhile.headers.get(PublicResponseCache.HEADER).get(0));
        release.countDown();
        builder.join();

        FakeResponse afterWrite = new FakeResponse();
        quick.serve("k", 4, afterWrite.proxy(), r -> r.getOutputStream().write("three".getBytes(StandardCharsets.UTF_8)));
        assertEquals("after a write the old answer is never served", "three", afterWrite.body());
    }

    @Test
    public void manyDistinctAnswersNeverHoldMoreThanTheBudget() throws Exception {
        String big = "x".repeat(400 * 1024);
        for (int i = 0; i < 200; i++) {
            serve("search " + i, 1, 200, big);
            assertTrue(cache.heldBytes() <= PublicResponseCache.MAX_TOTAL_BYTES);
        }
        assertTrue("the latest answers are kept", cache.heldBytes() > 0);
    }

    @Test
    public void errorsAreNeverKept() throws Exception {
        FakeResponse error = serve("k", 1, 400, "{\"status\":400}");
        assertEquals(400, error.status);
        assertEquals("{\"status\":400}", error.body());
        serve("k", 1, 200, "{}");
        assertEquals(2, built.get());
    }

    private FakeResponse serve(String key, long generation, int status, String body) throws Exception {
        FakeResponse response = new FakeResponse();
        cache.serve(key, generation, response.proxy(), r -> {
            built.incrementAndGet();
            r.setStatus(status);
            r.setContentType("application/json");
            r.setHeader("X-Handler", "yes");
            r.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }

    private static HttpServletRequest request(String method, String uri, String query, String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(PublicResponseCacheTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    default -> null;
                });
    }

    /** The parts of a servlet response the cache uses. */
    private static final class FakeResponse {
        int status = 200;
        String contentType;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "getStatus" -> {
                                return status;
                            }
                            case "setContentType" -> contentType = (String) args[0];
                            case "getContentType" -> {
                                return contentType;
                            }
                            case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                            case "addHeader" -> headers.computeIfAbsent((String) args[0], k -> new ArrayList<>())
                                    .add((String) args[1]);
                            case "getHeaderNames" -> {
                                return new ArrayList<>(headers.keySet());
                            }
                            case "getHeaders" -> {
                                return headers.getOrDefault((String) args[0], List.of());
                            }
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> {
                                return null;
                            }
                        }
                        return null;
                    });
        }
    }
}
