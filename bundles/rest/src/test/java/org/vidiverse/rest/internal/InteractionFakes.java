package org.vidiverse.rest.internal;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.SecurityContext;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Caller;

/** In-memory stores and hand-made callers for the comment, rating and view resources. */
final class InteractionFakes {
    static final String HOST = "video.example.org";

    final Map<Long, Video> videos = new HashMap<>();
    final Fakes.Comments comments = new Fakes.Comments(this);
    final Fakes.Ratings ratings = new Fakes.Ratings(this);

    final VideoStore videoStore = proxy(VideoStore.class, (name, args) -> switch (name) {
        case "findById" -> Optional.ofNullable(videos.get((Long) args[0]));
        case "findByUuid" -> videos.values().stream().filter(v -> v.uuid().equals(args[0])).findFirst();
        case "findByShortUuid" -> videos.values().stream().filter(v -> v.shortUuid().equals(args[0])).findFirst();
        default -> throw new UnsupportedOperationException(name);
    });

    /** Watch history as recorded: "userId/videoId" to the second reached. */
    final Map<String, Integer> history = new HashMap<>();
    final WatchHistoryStore historyStore = proxy(WatchHistoryStore.class, (name, args) -> switch (name) {
        case "record" -> history.put(args[0] + "/" + args[1], (Integer) args[2]);
        default -> throw new UnsupportedOperationException(name);
    });

    final ChannelStore channelStore = proxy(ChannelStore.class, (name, args) -> switch (name) {
        case "findAccount" -> Optional.of(new Account((Long) args[0], "user" + args[0], "User " + args[0], null,
                HOST, true, ActorType.PERSON, "https://" + HOST + "/accounts/user" + args[0], (Long) args[0] + 100,
                0, 0, Instant.EPOCH, Instant.EPOCH));
        default -> throw new UnsupportedOperationException(name);
    });

    interface Handler {
        Object handle(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> handler.handle(m.getName(), args == null ? new Object[0] : args));
    }

    /** A published video whose comments wait for the owner's approval (PeerTube's comments policy 3). */
    Video videoWithApprovedComments(long id, long ownerAccountId) {
        Video v = video(id, ownerAccountId, VideoPrivacy.PUBLIC, true);
        Video approving = new Video(v.id(), v.uuid(), v.shortUuid(), v.name(), v.description(), v.support(),
                v.privacy(), v.state(), v.duration(), v.category(), v.licence(), v.language(), v.tags(), v.nsfw(),
                true, v.downloadEnabled(), v.waitTranscoding(), 0, 0, 0, 0, true, v.url(), v.channel(), v.account(),
                v.createdAt(), v.updatedAt(), v.publishedAt(), v.originallyPublishedAt(), null, null, false, true);
        videos.put(id, approving);
        return approving;
    }

    Video video(long id, long ownerAccountId, VideoPrivacy privacy, boolean commentsEnabled) {
        ActorRef owner = new ActorRef(ownerAccountId, "user" + ownerAccountId, "User", HOST,
                "https://" + HOST + "/accounts/user" + ownerAccountId);
        ActorRef channel = new ActorRef(ownerAccountId + 1000, "channel", "Channel", HOST, "https://" + HOST + "/c");
        String uuid = String.format("00000000-0000-4000-8000-%012d", id);
        Video v = new Video(id, uuid, "short" + Long.toString(id, 36), "video " + id, null, null, privacy, VideoState.PUBLISHED, 60,
                null, null, null, List.of(), false, commentsEnabled, true, false, 0, 0, 0, 0, true,
                "https://" + HOST + "/videos/watch/" + uuid, channel, owner, Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH, null);
        videos.put(id, v);
        return v;
    }

    static SecurityContext anonymous() {
        return context(null);
    }

    static SecurityContext as(long accountId, UserRole role) {
        return context(new Caller(user(accountId, role, true)));
    }

    /** A user whose id is the account id plus 100. */
    static User user(long accountId, UserRole role, boolean historyEnabled) {
        return new User(accountId + 100, "user" + accountId, "u" + accountId + "@example.org", true, role, false,
                null, -1, -1, "display", true, accountId, Instant.EPOCH, null, historyEnabled);
    }

    static SecurityContext as(User user) {
        return context(new Caller(user));
    }

    private static SecurityContext context(Principal principal) {
        return new SecurityContext() {
            @Override public Principal getUserPrincipal() { return principal; }
            @Override public boolean isUserInRole(String role) { return false; }
            @Override public boolean isSecure() { return true; }
            @Override public String getAuthenticationScheme() { return principal == null ? null : "Bearer"; }
        };
    }

    /** The stores of this feature, in memory. */
    static final class Fakes {
        private Fakes() {
        }

        static final class Comments implements CommentStore {
            private final InteractionFakes world;
            final Map<Long, Comment> rows = new HashMap<>();
            private long nextId = 1;
            private long clock = 1_000;

            Comments(InteractionFakes world) {
                this.world = world;
            }

            @Override
            public Comment create(long videoId, long accountId, Long inReplyToId, String text, boolean held) {
                if (!world.videos.containsKey(videoId)) {
                    throw new NotFoundException("video " + videoId);
                }
                Comment parent = inReplyToId == null ? null : rows.get(inReplyToId);
                if (inReplyToId != null && (parent == null || parent.videoId() != videoId)) {
                    throw new NotFoundException("comment " + inReplyToId);
                }
                long id = nextId++;
                Instant now = Instant.ofEpochSecond(clock++);
                Comment c = new Comment(id, videoId, parent == null ? null : parent.threadIdOrSelf(), inReplyToId, text,
                        new ActorRef(accountId, "user" + accountId, "User " + accountId, HOST,
                                "https://" + HOST + "/accounts/user" + accountId),
                        "https://" + HOST + "/videos/watch/x/comments/" + id, false, now, now, null, 0, 0, held);
                rows.put(id, c);
                return c;
            }

            @Override
            public boolean approve(long id) {
                Comment c = findById(id).orElseThrow(() -> new NotFoundException("comment " + id));
                if (!c.heldForReview()) {
                    return false;
                }
                rows.put(id, new Comment(c.id(), c.videoId(), c.threadId(), c.inReplyToId(), c.text(), c.account(),
                        c.url(), c.deleted(), c.createdAt(), c.updatedAt(), c.deletedAt(), 0, 0, false));
                return true;
            }

            @Override
            public Page<Comment> heldForReview(Long owner, PageRequest page) {
                List<Comment> held = rows.values().stream().filter(Comment::heldForReview).toList();
                return new Page<>(held.size(), held);
            }

            private static boolean visible(Comment c, Long heldVisibleTo) {
                return !c.heldForReview() || heldVisibleTo == null
                        || heldVisibleTo != NO_HELD && c.account().id() == heldVisibleTo;
            }

            @Override
            public Comment createRemote(long videoId, long accountId, Long inReplyToId, String text, String url,
                                        Instant publishedAt, boolean held) {
                throw new UnsupportedOperationException("remote comments are not part of these tests");
            }

            @Override
            public Optional<Comment> findByUrl(String url) {
                return rows.values().stream().filter(c -> c.url().equals(url)).findFirst();
            }

            @Override
            public Optional<Comment> findById(long id) {
                return Optional.ofNullable(rows.get(id));
            }

            @Override
            public Page<Comment> threads(long videoId, PageRequest page, Long heldVisibleTo) {
                List<Comment> threads = new ArrayList<>(rows.values().stream()
                        .filter(c -> c.videoId() == videoId && c.inReplyToId() == null && visible(c, heldVisibleTo))
                        .map(this::withCounters)
                        .toList());
                Comparator<Comment> order = "totalReplies".equals(page.sort())
                        ? Comparator.comparingLong(Comment::totalReplies) : Comparator.comparingLong(Comment::id);
                threads.sort(page.descending() || page.sort() == null ? order.reversed() : order);
                return new Page<>(threads.size(), threads.stream().skip(page.start()).limit(page.count()).toList());
            }

            private Comment withCounters(Comment t) {
                long replies = rows.values().stream().filter(r -> Long.valueOf(t.id()).equals(r.threadId())
                        && !r.deleted()).count();
                return new Comment(t.id(), t.videoId(), t.threadId(), t.inReplyToId(), t.text(), t.account(), t.url(),
                        t.deleted(), t.createdAt(), t.updatedAt(), t.deletedAt(), replies, 0, t.heldForReview());
            }

            @Override
            public List<Comment> thread(long threadId, Long heldVisibleTo) {
                Comment root = rows.get(threadId);
                if (root == null || root.inReplyToId() != null) {
                    return List.of();
                }
                return rows.values().stream().filter(c -> (c.id() == threadId || Long.valueOf(threadId)
                        .equals(c.threadId())) && visible(c, heldVisibleTo)).sorted(Comparator.comparingLong(Comment::id)).toList();
            }

            @Override
            public boolean delete(long id) {
                Comment c = rows.get(id);
                if (c == null) {
                    throw new NotFoundException("comment " + id);
                }
                if (c.deleted()) {
                    return false;
                }
                Instant now = Instant.ofEpochSecond(clock++);
                rows.put(id, new Comment(c.id(), c.videoId(), c.threadId(), c.inReplyToId(), "", c.account(), c.url(),
                        true, c.createdAt(), now));
                return true;
            }

            @Override
            public List<Comment> latest(org.vidiverse.api.store.VideoQuery videos, Long videoId, int count) {
                throw new UnsupportedOperationException("latest");
            }

            @Override
            public long countNotDeleted(long videoId) {
                return rows.values().stream().filter(c -> c.videoId() == videoId && !c.deleted()
                        && !c.heldForReview()).count();
            }

            @Override
            public long count() {
                return rows.size();
            }
        }

        static final class Ratings implements RatingStore {
            private final InteractionFakes world;
            final Map<String, Rating> rows = new HashMap<>();
            final Map<Long, Long> views = new HashMap<>();

            Ratings(InteractionFakes world) {
                this.world = world;
            }

            @Override
            public Rating rate(long videoId, long accountId, Rating rating) {
                if (!world.videos.containsKey(videoId)) {
                    throw new NotFoundException("video " + videoId);
                }
                Rating before = ratingOf(videoId, accountId);
                rows.put(videoId + "/" + accountId, rating);
                return before;
            }

            @Override
            public Rating ratingOf(long videoId, long accountId) {
                return rows.getOrDefault(videoId + "/" + accountId, Rating.NONE);
            }

            @Override
            public void addView(long videoId) {
                if (!world.videos.containsKey(videoId)) {
                    throw new NotFoundException("video " + videoId);
                }
                views.merge(videoId, 1L, Long::sum);
            }
        }
    }
}
