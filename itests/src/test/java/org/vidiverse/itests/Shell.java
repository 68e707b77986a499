package org.vidiverse.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs a Karaf shell command as an admin would type it, returning what it printed. */
final class Shell {
    private Shell() {
    }

    static String run(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            // the shell redirects System.out per thread, so the command runs on a thread of its own
            // as an administrator: commands such as feature:install are limited to the admin role
            Subject admin = new Subject();
            admin.getPrincipals().add(new RolePrincipal("admin"));
            admin.getPrincipals().add(new RolePrincipal("manager"));
            admin.getPrincipals().add(new RolePrincipal("viewer"));
            Future<Object> result = executor.submit(() -> Subject.doAs(admin,
                    (PrivilegedExceptionAction<Object>) () -> session.execute(command)));
            result.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
