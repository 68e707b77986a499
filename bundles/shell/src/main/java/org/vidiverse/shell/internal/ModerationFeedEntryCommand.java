package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.store.ModerationFeedStore;

@Service
@Command(scope = "vid", name = "moderation-feed-entry", description = "Accepts a proposed (or re-enables an "
        + "overridden) moderation feed entry, or rejects (overrides) one: no sync undoes a rejection")
public class ModerationFeedEntryCommand implements Action {
    @Reference
    ModerationFeedStore feeds;

    @Argument(index = 0, name = "decision", required = true, description = "accept or reject")
    String decision;

    @Argument(index = 1, name = "id", required = true, description = "the entry's id (vid:moderation-feeds -e)")
    long id;

    @Override
    public Object execute() {
        try {
            ModerationFeedEntry entry = switch (decision.toLowerCase(Locale.ROOT)) {
                case "accept" -> feeds.accept(id);
                case "reject" -> feeds.reject(id);
                default -> throw new IllegalArgumentException("the decision is accept or reject");
            };
            System.out.println(entry.target() + ": " + entry.state().name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            System.err.println("Cannot " + decision + " entry " + id + ": " + e.getMessage());
        }
        return null;
    }
}
