package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.federation.ModerationFeedAdmin;
import org.vidiverse.api.model.ModerationFeed;

@Service
@Command(scope = "vid", name = "moderation-feed-add", description = "Subscribes to another instance's moderation "
        + "feed: its entries become blocks (trust apply) or proposals for moderators (trust propose)")
public class ModerationFeedAddCommand implements Action {
    @Reference
    ModerationFeedAdmin admin;

    @Argument(index = 0, name = "target", required = true, description = "host[:port] of the instance, or the "
            + "feed's URL")
    String target;

    @Option(name = "-t", aliases = "--trust", description = "apply or propose (the default)")
    String trust = "propose";

    @Override
    public Object execute() {
        ModerationFeed.Trust level;
        try {
            level = ModerationFeed.Trust.valueOf(trust.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("trust must be apply or propose");
            return null;
        }
        try {
            ModerationFeed feed = admin.subscribe(target, level);
            System.out.println("Subscribed to " + feed.url() + " (id " + feed.id() + ", " + trust + "); "
                    + "it syncs in the background");
        } catch (RuntimeException e) {
            System.err.println("Cannot subscribe to " + target + ": " + e.getMessage());
        }
        return null;
    }
}
