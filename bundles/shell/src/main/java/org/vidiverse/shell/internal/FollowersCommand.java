package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.federation.FederationAdmin;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

@Service
@Command(scope = "vid", name = "followers", description = "Lists who follows this instance (or, with -f, whom it "
        + "follows); accepts or rejects a pending follower")
public class FollowersCommand implements Action {
    @Reference
    FederationAdmin federation;

    @Option(name = "-f", aliases = "--following", description = "List whom this instance follows instead")
    boolean following;

    @Option(name = "--accept", description = "Accept the follower name@host")
    String accept;

    @Option(name = "--reject", description = "Reject (or remove) the follower name@host")
    String reject;

    @Option(name = "-n", aliases = "--count", description = "Rows to show, at most 100")
    int count = 50;

    @Override
    public Object execute() {
        try {
            if (accept != null) {
                federation.acceptFollower(accept);
                System.out.println("Accepted " + accept);
                return null;
            }
            if (reject != null) {
                federation.rejectFollower(reject);
                System.out.println("Rejected " + reject);
                return null;
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return null;
        }
        PageRequest page = PageRequest.of(0, Math.min(Math.max(count, 1), PageRequest.MAX_COUNT), "-createdAt");
        Page<Follow> follows = following ? federation.following(page) : federation.followers(page);
        ShellTable table = new ShellTable();
        table.column(following ? "Following" : "Follower");
        table.column("State");
        table.column("Since");
        for (Follow f : follows.data()) {
            table.addRow().addContent((following ? f.following() : f.follower()).handle(),
                    f.state().name().toLowerCase(Locale.ROOT), f.createdAt());
        }
        table.print(System.out);
        System.out.println(follows.data().size() + " of " + follows.total());
        return null;
    }
}
