package org.vidiverse.sample.quarantine;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoBlacklistStore;

/**
 * What the core held from a quarantined instance: automatic block-list entries of its videos and its comments held
 * for review. Releasing an instance shows them; a moderator's own blocks stay.
 */
@Component(service = HeldContent.class)
public final class HeldContent {
    private static final int PAGE = 100;

    private final VideoBlacklistStore blacklist;
    private final CommentStore comments;

    @Activate
    public HeldContent(@Reference VideoBlacklistStore blacklist, @Reference CommentStore comments) {
        this.blacklist = blacklist;
        this.comments = comments;
    }

    /** Releases the held videos and comments of {@code host}; returns how many. */
    int release(String host) {
        int released = 0;
        for (VideoBlacklist entry : all(start -> blacklist.list(VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED, null,
                PageRequest.of(start, PAGE, "createdAt")).data())) {
            if (!entry.video().local() && entry.video().account() != null
                    && host.equalsIgnoreCase(entry.video().account().host())
                    && blacklist.unblock(entry.video().id()).isPresent()) {
                released++;
            }
        }
        for (Comment comment : all(start -> comments.heldForReview(null, PageRequest.of(start, PAGE, "createdAt"))
                .data())) {
            if (comment.account() != null && host.equalsIgnoreCase(comment.account().host())
                    && comments.approve(comment.id())) {
                released++;
            }
        }
        return released;
    }

    /** Every page, read before anything is changed (releasing shifts the pages). */
    private static <T> List<T> all(java.util.function.IntFunction<List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int start = 0; ; start += PAGE) {
            List<T> data = page.apply(start);
            all.addAll(data);
            if (data.size() < PAGE) {
                return all;
            }
        }
    }
}
