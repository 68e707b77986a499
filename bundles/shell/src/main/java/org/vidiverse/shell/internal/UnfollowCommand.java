package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.federation.FederationAdmin;

@Service
@Command(scope = "vid", name = "unfollow", description = "Stops following an instance or a remote channel/account")
public class UnfollowCommand implements Action {
    @Reference
    FederationAdmin federation;

    @Argument(index = 0, name = "target", required = true, description = "host[:port] or name@host[:port]")
    String target;

    @Override
    public Object execute() {
        try {
            federation.unfollow(target);
            System.out.println("No longer following " + target);
        } catch (RuntimeException e) {
            System.err.println("Cannot unfollow " + target + ": " + e.getMessage());
        }
        return null;
    }
}
