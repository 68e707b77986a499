package org.vidiverse.web.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.vidiverse.api.federation.ActivityJson;

/**
 * ActivityPub ids are also links people open: a browser at {@code /videos/watch/{uuid}} gets the watch page, at
 * {@code /accounts/{name}} and {@code /video-channels/{name}} a redirect to the account and channel pages. Servers
 * asking for ActivityPub JSON pass through to the federation resources, and so do the deeper paths (outbox,
 * followers, comments...). The test of what a request wants is the federation's, so the two never disagree.
 */
public final class ActorPagesFilter implements Filter {
    private static final Pattern PAGE = Pattern.compile("^/(accounts|video-channels|videos/watch)/([^/]+)/?$");

    private final WebAppServlet app;

    static final String[] PATTERNS = {"/accounts/*", "/video-channels/*", "/videos/watch/*"};

    ActorPagesFilter(WebAppServlet app) {
        this.app = app;
    }

    /** What a browser at {@code path} should get instead of the ActivityPub document, if anything. */
    sealed interface Action permits Redirect, WatchPage { }

    record Redirect(String location) implements Action { }

    record WatchPage() implements Action { }

    static Optional<Action> action(String method, String path, String accept) {
        if (!"GET".equals(method) && !"HEAD".equals(method) || ActivityJson.wanted(accept)) {
            return Optional.empty();
        }
        Matcher m = PAGE.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1)) {
            case "accounts" -> new Redirect("/a/" + m.group(2));
            case "video-channels" -> new Redirect("/c/" + m.group(2));
            default -> new WatchPage();
        });
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<Action> action = action(request.getMethod(), Http.path(request), request.getHeader("Accept"));
        if (action.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        // the same URL answers JSON to servers: caches must keep the two apart
        response.setHeader("Vary", "Accept");
        if (action.get() instanceof Redirect redirect) {
            response.setStatus(302);
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Location", redirect.location());
            return;
        }
        app.service(request, response);
    }
}
