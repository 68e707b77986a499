package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.federation.FederationAdmin;
import org.vidiverse.api.model.Follow;

@Service
@Command(scope = "vid", name = "follow", description = "Makes this instance follow another instance (host) or a "
        + "remote channel or account (name@host)")
public class FollowCommand implements Action {
    @Reference
    FederationAdmin federation;

    @Argument(index = 0, name = "target", required = true, description = "host[:port] or name@host[:port]")
    String target;

    @Override
    public Object execute() {
        try {
            Follow follow = federation.follow(target);
            System.out.println("Following " + follow.following().handle() + " ("
                    + follow.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        } catch (RuntimeException e) {
            System.err.println("Cannot follow " + target + ": " + e.getMessage());
        }
        return null;
    }
}
