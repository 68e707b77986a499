package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.rest.api.Problem;

/**
 * The one place where exceptions become HTTP answers: problem JSON with PeerTube's fields. Anything unexpected is
 * a 500 carrying an id that is logged with its stack trace; no stack trace ever goes on the wire.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** The failing request, to tell where a bad parameter came from; absent in unit tests. */
    @Context
    UriInfo request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof Problem problem) {
            return answer(problem.status(), problem.getMessage(), problem.code(), problem.invalidParams(),
                    this::location);
        }
        if (failure instanceof InvalidInputException invalid) {
            return answer(400, invalid.getMessage(), null, Map.of(invalid.param(), invalid.getMessage()),
                    this::location);
        }
        if (failure instanceof NotFoundException) {
            return answer(404, failure.getMessage(), null, Map.of());
        }
        if (failure instanceof DuplicateException) {
            return answer(409, failure.getMessage(), null, Map.of());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                // routing and content negotiation failures from JAX-RS itself (unknown path, wrong method...)
                return answer(status, Response.Status.fromStatusCode(status) == null ? "Request failed"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(), null, Map.of());
            }
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", id, failure);
        return answer(500, "Internal server error (error id " + id + ")", null, Map.of());
    }

    /**
     * Where a parameter was read, in express-validator's words as PeerTube reports them: {@code query},
     * {@code params} (the path) or {@code body}.
     */
    String location(String param) {
        try {
            if (request != null) {
                if (request.getQueryParameters().containsKey(param)) {
                    return "query";
                }
                if (request.getPathParameters().containsKey(param)) {
                    return "params";
                }
                return "body";
            }
        } catch (RuntimeException e) {
            // no request bound to this thread (the mapper called outside a request)
        }
        return "query";
    }

    static Response answer(int status, String detail, String code, Map<String, String> invalidParams) {
        return answer(status, detail, code, invalidParams, param -> "query");
    }

    static Response answer(int status, String detail, String code, Map<String, String> invalidParams,
                           java.util.function.Function<String, String> location) {
        Response.Status known = Response.Status.fromStatusCode(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        if (code != null) {
            body.put("code", code);
        }
        if (!invalidParams.isEmpty()) {
            Map<String, Object> params = new LinkedHashMap<>();
            invalidParams.forEach((name, msg) -> params.put(name, Map.of("msg", msg, "param", name,
                    "location", location.apply(name))));
            body.put("invalid-params", params);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
