package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.auth.UserAdmin;

@Service
@Command(scope = "vid", name = "password-reset",
        description = "Sets a user's password and logs them out everywhere (PeerTube's reset-password)")
public class PasswordResetCommand implements Action {
    @Reference
    UserAdmin admin;

    @Argument(index = 0, name = "username", required = true)
    String username;
    @Argument(index = 1, name = "password", required = true, description = "6 to 255 characters")
    String password;

    @Override
    public Object execute() {
        admin.resetPassword(username, password);
        System.out.println("Password of " + username + " changed; their sessions are revoked");
        return null;
    }
}
