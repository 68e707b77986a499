package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.store.ModerationFeedStore;

@Service
@Command(scope = "vid", name = "moderation-feed-remove", description = "Unsubscribes from a moderation feed; the "
        + "blocks it made go, except those a moderator overrode")
public class ModerationFeedRemoveCommand implements Action {
    @Reference
    ModerationFeedStore feeds;

    @Argument(index = 0, name = "id", required = true, description = "the subscription's id (vid:moderation-feeds)")
    long id;

    @Override
    public Object execute() {
        System.out.println(feeds.unsubscribe(id) ? "Unsubscribed from feed " + id : "No subscription " + id);
        return null;
    }
}
