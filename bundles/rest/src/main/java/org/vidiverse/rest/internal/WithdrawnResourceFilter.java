package org.vidiverse.rest.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriInfo;

/**
 * Keeps a withdrawn resource from answering. Between a plugin's resource leaving and the rebuilt endpoint taking
 * over (a rebuild takes a moment), the endpoint still serving holds the old resource object, whose component has
 * been deactivated: its state may be stale or half closed (a stopped plugin's store, say), and a write it accepted
 * would be lost or would undo the new instance's. Such a request gets 503 with {@code Retry-After}; asked again a
 * moment later, it reaches the rebuilt endpoint.
 */
final class WithdrawnResourceFilter implements ContainerRequestFilter {
    private final Set<Object> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Predicate<Object> live;

    @Context
    UriInfo uriInfo;

    /**
     * @param roots the root resource objects of the endpoint this filter serves (sub-resources they return are
     *              not registered services and are never withdrawn on their own)
     * @param live  whether a resource object is still registered
     */
    WithdrawnResourceFilter(List<Object> roots, Predicate<Object> live) {
        this.roots.addAll(roots);
        this.live = live;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        for (Object resource : uriInfo.getMatchedResources()) {
            if (roots.contains(resource) && !live.test(resource)) {
                request.abortWith(javax.ws.rs.core.Response.fromResponse(ProblemMapper.answer(503,
                                "This endpoint is being replaced (a plugin stopped or restarted); try again",
                                null, Map.of()))
                        .header("Retry-After", "1").build());
                return;
            }
        }
    }
}
