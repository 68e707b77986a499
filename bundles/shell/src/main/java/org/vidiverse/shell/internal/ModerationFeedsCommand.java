package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.ModerationFeedStore;

@Service
@Command(scope = "vid", name = "moderation-feeds", description = "Lists the moderation feeds this instance "
        + "subscribes to (last sync, last error), or with -e their entries")
public class ModerationFeedsCommand implements Action {
    @Reference
    ModerationFeedStore feeds;

    @Option(name = "-e", aliases = "--entries", description = "List the feeds' entries instead")
    boolean entries;

    @Option(name = "-s", aliases = "--state", description = "Only entries in this state: proposed, applied, "
            + "pending, overridden")
    String state;

    @Option(name = "-n", aliases = "--count", description = "Entries to show, at most 100")
    int count = 50;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        if (!entries && state == null) {
            table.column("Id");
            table.column("Feed");
            table.column("Trust");
            table.column("Last sync");
            table.column("Last success");
            table.column("Last error");
            for (ModerationFeed f : feeds.list()) {
                table.addRow().addContent(f.id(), f.url(), lower(f.trust()), f.lastSyncAt(), f.lastSuccessAt(),
                        f.lastError() == null ? "" : f.lastError());
            }
            table.print(System.out);
            return null;
        }
        ModerationFeedEntry.State only;
        try {
            only = state == null ? null : ModerationFeedEntry.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("state must be proposed, applied, pending or overridden");
            return null;
        }
        table.column("Id");
        table.column("Feed");
        table.column("Kind");
        table.column("Target");
        table.column("Reason");
        table.column("State");
        var page = new PageRequest(0, Math.min(Math.max(count, 1), PageRequest.MAX_COUNT), "createdAt", true);
        for (ModerationFeedEntry e : feeds.entries(null, only, page).data()) {
            table.addRow().addContent(e.id(), e.feedId(), lower(e.kind()), e.target(),
                    e.reason() == null ? "" : e.reason(), lower(e.state()) + (e.error() == null ? "" : ": " + e.error()));
        }
        table.print(System.out);
        return null;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
