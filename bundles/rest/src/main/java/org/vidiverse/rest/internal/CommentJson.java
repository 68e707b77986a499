package org.vidiverse.rest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Comment;

/**
 * Comments in PeerTube's REST shape ({@code VideoComment}) and threads as its tree
 * {@code {comment, children: [{comment, children}]}}. A deleted comment shows an empty text and no account, as
 * PeerTube's tombstones do.
 */
final class CommentJson {
    private final LongFunction<Optional<Account>> accounts;
    private final Map<Long, Map<String, Object>> seen = new HashMap<>();

    /** @param accounts looks up the full account of a comment's author; called once per author */
    CommentJson(LongFunction<Optional<Account>> accounts) {
        this.accounts = accounts;
    }

    Map<String, Object> comment(Comment c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("url", c.url());
        json.put("text", c.deleted() ? "" : c.text());
        json.put("threadId", c.threadIdOrSelf());
        json.put("inReplyToCommentId", c.inReplyToId());
        json.put("videoId", c.videoId());
        json.put("createdAt", Json.date(c.createdAt()));
        json.put("updatedAt", Json.date(c.updatedAt()));
        json.put("deletedAt", Json.date(c.deletedAt()));
        json.put("heldForReview", c.heldForReview());
        json.put("isDeleted", c.deleted());
        json.put("totalRepliesFromVideoAuthor", c.totalRepliesFromVideoAuthor());
        json.put("totalReplies", c.totalReplies());
        json.put("account", c.deleted() || c.account() == null ? null
                : seen.computeIfAbsent(c.account().id(), id -> account(c.account())));
        return json;
    }

    private Map<String, Object> account(ActorRef ref) {
        Optional<Account> full = accounts.apply(ref.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", ref.url());
        json.put("name", ref.name());
        json.put("host", ref.host());
        json.put("avatars", List.of());
        json.put("id", ref.id());
        json.put("hostRedundancyAllowed", false);
        json.put("followingCount", full.map(Account::followingCount).orElse(0L));
        json.put("followersCount", full.map(Account::followersCount).orElse(0L));
        json.put("createdAt", full.map(a -> Json.date(a.createdAt())).orElse(null));
        json.put("displayName", ref.displayName());
        json.put("description", full.map(Account::description).orElse(null));
        json.put("updatedAt", full.map(a -> Json.date(a.updatedAt())).orElse(null));
        json.put("userId", full.map(Account::userId).orElse(null));
        return json;
    }

    /**
     * The tree of a thread from its comments (first comment first, replies in creation order), as PeerTube's
     * {@code buildFormattedCommentTree}: each reply hangs under the comment it answers.
     */
    Map<String, Object> tree(List<Comment> thread) {
        Map<Long, List<Map<String, Object>>> children = new HashMap<>();
        Map<String, Object> root = node(thread.get(0), children);
        for (Comment c : thread.subList(1, thread.size())) {
            Map<String, Object> node = node(c, children);
            children.computeIfAbsent(c.inReplyToId(), k -> new ArrayList<>()).add(node);
        }
        return root;
    }

    private Map<String, Object> node(Comment c, Map<Long, List<Map<String, Object>>> children) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("comment", comment(c));
        node.put("children", children.computeIfAbsent(c.id(), k -> new ArrayList<>()));
        return node;
    }
}
