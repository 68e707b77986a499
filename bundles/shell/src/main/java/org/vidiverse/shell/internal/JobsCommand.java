package org.vidiverse.shell.internal;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.JobStore;

@Service
@Command(scope = "vid", name = "jobs", description = "Lists background jobs (transcoding...) with their progress")
public class JobsCommand implements Action {
    @Reference
    JobStore jobs;

    @Argument(index = 0, name = "state", description = "pending, processing, success or failed; all when absent")
    String state;

    @Option(name = "-n", aliases = "--count", description = "Jobs to show, at most 100")
    int count = 20;

    @Override
    public Object execute() {
        JobState filter = null;
        if (state != null) {
            try {
                filter = JobState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("Unknown state '" + state + "': use pending, processing, success or failed");
                return null;
            }
        }
        Page<Job> page = jobs.list(filter == null ? JobQuery.all() : JobQuery.inState(filter), PageRequest.of(0, Math.min(Math.max(count, 1), PageRequest.MAX_COUNT),
                "-createdAt"));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Type", "State", "Progress", "Attempts", "Node", "Error"}) {
            table.column(column);
        }
        for (Job j : page.data()) {
            String error = j.error() == null ? "" : j.error().length() > 60 ? j.error().substring(0, 57) + "..."
                    : j.error();
            table.addRow().addContent(j.id(), j.type(), j.state().name().toLowerCase(java.util.Locale.ROOT),
                    j.progress() + "%", j.attempts() + "/" + j.maxAttempts(), j.claimedBy() == null ? "" : j.claimedBy(),
                    error);
        }
        table.print(System.out);
        Map<JobState, Long> counts = jobs.countByState();
        System.out.println(page.data().size() + " of " + page.total() + " jobs; " + counts);
        return null;
    }
}
