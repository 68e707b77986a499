package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.federation.ModerationFeedAdmin;
import org.vidiverse.api.model.ModerationFeed;

@Service
@Command(scope = "vid", name = "moderation-feed-sync", description = "Fetches, verifies and applies a subscribed "
        + "moderation feed now")
public class ModerationFeedSyncCommand implements Action {
    @Reference
    ModerationFeedAdmin admin;

    @Argument(index = 0, name = "id", required = true, description = "the subscription's id (vid:moderation-feeds)")
    long id;

    @Override
    public Object execute() {
        try {
            ModerationFeed feed = admin.sync(id);
            System.out.println(feed.lastError() == null ? "Synced " + feed.url()
                    : "Synced " + feed.url() + " with an error: " + feed.lastError());
        } catch (RuntimeException e) {
            System.err.println("Cannot sync feed " + id + ": " + e.getMessage());
        }
        return null;
    }
}
