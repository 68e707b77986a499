package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.model.User;

@Service
@Command(scope = "vid", name = "user-role", description = "Changes a user's role")
public class UserRoleCommand implements Action {
    @Reference
    UserAdmin admin;

    @Argument(index = 0, name = "username", required = true)
    String username;
    @Argument(index = 1, name = "role", required = true, description = "user, moderator or administrator")
    String role;

    @Override
    public Object execute() {
        User user = admin.setRole(username, Roles.parse(role));
        System.out.println(user.username() + " is now " + user.role().label().toLowerCase());
        return null;
    }
}
