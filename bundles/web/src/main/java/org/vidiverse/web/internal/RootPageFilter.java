package org.vidiverse.web.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The home page at {@code /}. The servlet pattern for the exact root ({@code ""}) is turned into the default
 * servlet's {@code /} by Pax Web 8, which the REST servlet's {@code /*} always beats; a filter matched by the
 * regular expression {@code ^/$} runs before any servlet, so the root reaches the web interface.
 */
final class RootPageFilter implements Filter {
    static final String REGEX = "^/$";

    private final WebAppServlet app;

    RootPageFilter(WebAppServlet app) {
        this.app = app;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if ("/".equals(Http.path(request)) && ("GET".equals(method) || "HEAD".equals(method))) {
            app.service(request, (HttpServletResponse) res);
        } else {
            chain.doFilter(req, res);
        }
    }
}
