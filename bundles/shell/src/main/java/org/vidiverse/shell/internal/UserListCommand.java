package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.UserStore;

@Service
@Command(scope = "vid", name = "user-list", description = "Lists local users, newest first")
public class UserListCommand implements Action {
    @Reference
    UserStore users;

    @Option(name = "-s", aliases = "--start", description = "Offset of the first user")
    int start;
    @Option(name = "-n", aliases = "--count", description = "Users to show, at most 100")
    int count = 100;

    @Override
    public Object execute() {
        Page<User> page = users.list(PageRequest.of(start, Math.min(Math.max(count, 1), PageRequest.MAX_COUNT), "-createdAt"));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Username");
        table.column("Email");
        table.column("Role");
        table.column("Blocked");
        table.column("Quota");
        for (User u : page.data()) {
            table.addRow().addContent(u.id(), u.username(), u.email(), u.role().label(), u.blocked() ? "yes" : "",
                    u.videoQuota() < 0 ? "unlimited" : u.videoQuota());
        }
        table.print(System.out);
        System.out.println(page.data().size() + " of " + page.total() + " users");
        return null;
    }
}
