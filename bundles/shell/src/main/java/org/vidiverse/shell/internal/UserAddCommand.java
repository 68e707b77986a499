package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;

@Service
@Command(scope = "vid", name = "user-add", description = "Creates a local user with its account and default channel")
public class UserAddCommand implements Action {
    @Reference
    UserAdmin admin;
    @Reference
    InstanceSettings settings;

    @Argument(index = 0, name = "username", required = true, description = "a-z, 0-9, dots and underscores, 1 to 50")
    String username;
    @Argument(index = 1, name = "email", required = true)
    String email;
    @Argument(index = 2, name = "password", required = true, description = "6 to 255 characters")
    String password;
    @Option(name = "-r", aliases = "--role", description = "user (default), moderator or administrator")
    String role = "user";
    @Option(name = "-q", aliases = "--quota", description = "video quota in bytes, -1 unlimited (default: the instance's)")
    Long quota;

    @Override
    public Object execute() {
        long total = quota != null ? quota : settings.defaultVideoQuota();
        User user = admin.create(username, email, password, Roles.parse(role), total, settings.defaultVideoQuotaDaily());
        System.out.println("Created user " + user.username() + " (" + user.role().label().toLowerCase(Locale.ROOT)
                + ", id " + user.id() + ")");
        return null;
    }
}
