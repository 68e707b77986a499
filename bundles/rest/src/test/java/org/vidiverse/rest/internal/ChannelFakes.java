package org.vidiverse.rest.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.SecurityContext;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;

/** Accounts, channels and videos in memory, with the store rules the channel resources rely on. */
final class ChannelFakes {
    static final String HOST = "video.example.org";

    final Map<Long, Account> accounts = new LinkedHashMap<>();
    final Map<Long, Channel> channels = new LinkedHashMap<>();
    final Map<Long, Video> videos = new LinkedHashMap<>();
    final List<Long> deletedVideos = new ArrayList<>();
    private long nextId = 1;

    final ChannelStore channelStore = InteractionFakes.proxy(ChannelStore.class, (name, args) -> switch (name) {
        case "findAccount" -> Optional.ofNullable(accounts.get((Long) args[0]));
        case "findAccountByHandle" -> accounts.values().stream().filter(a -> matches(a.ref(), (String) args[0]))
                .findFirst();
        case "findChannelByHandle" -> channels.values().stream().filter(c -> matches(c.ref(), (String) args[0]))
                .findFirst();
        case "listChannels" -> page(new ArrayList<>(channels.values()), (PageRequest) args[0]);
        case "channelsOf" -> args.length == 1 ? channelsOf((Long) args[0])
                : page(channelsOf((Long) args[0]), (PageRequest) args[1]);
        case "createChannel" -> createChannel((Long) args[0], (String) args[1], (String) args[2], (String) args[3],
                (String) args[4]);
        case "updateChannel" -> updateChannel((Long) args[0], (String) args[1], (String) args[2], (String) args[3]);
        case "deleteChannel" -> deleteChannel((Long) args[0]);
        default -> throw new UnsupportedOperationException(name);
    });

    final VideoStore videoStore = InteractionFakes.proxy(VideoStore.class, (name, args) -> switch (name) {
        case "list" -> listVideos((VideoQuery) args[0], (PageRequest) args[1]);
        case "delete" -> {
            deletedVideos.add((Long) args[0]);
            yield videos.remove((Long) args[0]) != null;
        }
        default -> throw new UnsupportedOperationException(name);
    });

    /** A local user with an account and its default channel; the user id is the account id plus 100. */
    User user(String username, UserRole role) {
        long id = nextId++;
        Account account = new Account(id, username, username, null, HOST, true, ActorType.PERSON,
                "https://" + HOST + "/accounts/" + username, id + 100, 0, 0, Instant.EPOCH, Instant.EPOCH);
        accounts.put(id, account);
        createChannel(id, username + "_channel", "Main " + username + " channel", null, null);
        return new User(id + 100, username, username + "@example.org", true, role, false, null, -1, -1, "display",
                true, id, Instant.EPOCH, null);
    }

    Channel remoteChannel(String name, String host, long ownerAccountId) {
        Channel c = new Channel(nextId++, name, name, null, null, host, false, "https://" + host + "/c/" + name,
                accounts.get(ownerAccountId).ref(), 0, Instant.EPOCH, Instant.EPOCH);
        channels.put(c.id(), c);
        return c;
    }

    Video video(Channel channel, VideoPrivacy privacy) {
        long id = nextId++;
        String uuid = String.format("00000000-0000-4000-8000-%012d", id);
        Video v = new Video(id, uuid, "short" + id, "video " + id, null, null, privacy, VideoState.PUBLISHED, 60,
                null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, true,
                "https://" + HOST + "/videos/watch/" + uuid, channel.ref(), channel.owner(), Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, null);
        videos.put(id, v);
        return v;
    }

    static SecurityContext anonymous() {
        return context(null);
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

    private static boolean matches(ActorRef ref, String handle) {
        String wanted = handle.contains("@") ? handle : handle + "@" + HOST;
        return ref.handle().equalsIgnoreCase(wanted);
    }

    private List<Channel> channelsOf(long accountId) {
        return channels.values().stream().filter(c -> c.owner().id() == accountId).toList();
    }

    private static <T> Page<T> page(List<T> all, PageRequest page) {
        return new Page<>(all.size(), all.stream().skip(page.start()).limit(page.count()).toList());
    }

    private Page<Video> listVideos(VideoQuery q, PageRequest page) {
        return page(videos.values().stream().filter(v -> q.privacies().contains(v.privacy())
                && (q.channelId() == null || v.channel().id() == q.channelId())
                && (q.accountId() == null || v.account().id() == q.accountId())).toList(), page);
    }

    private Channel createChannel(long accountId, String name, String displayName, String description,
                                  String support) {
        if (!name.matches(ChannelStore.ACTOR_NAME_PATTERN)) {
            throw new InvalidInputException("name", "bad name");
        }
        boolean taken = accounts.values().stream().anyMatch(a -> a.name().equalsIgnoreCase(name))
                || channels.values().stream().anyMatch(c -> c.local() && c.name().equalsIgnoreCase(name));
        if (taken) {
            throw new DuplicateException(name + " is taken");
        }
        Channel c = new Channel(nextId++, name, displayName, description, support, HOST, true,
                "https://" + HOST + "/video-channels/" + name, accounts.get(accountId).ref(), 0, Instant.EPOCH,
                Instant.EPOCH);
        channels.put(c.id(), c);
        return c;
    }

    private Channel updateChannel(long id, String displayName, String description, String support) {
        Channel c = channels.get(id);
        Channel updated = new Channel(id, c.name(), displayName == null ? c.displayName() : displayName,
                description == null ? c.description() : description, support == null ? c.support() : support,
                c.host(), c.local(), c.url(), c.owner(), c.followersCount(), c.createdAt(), Instant.now());
        channels.put(id, updated);
        return updated;
    }

    private Object deleteChannel(long id) {
        Channel c = channels.get(id);
        if (c == null) {
            throw new NotFoundException("channel " + id);
        }
        if (channelsOf(c.owner().id()).size() <= 1
                || videos.values().stream().anyMatch(v -> v.channel().id() == id)) {
            throw new IllegalStateException("refused");
        }
        channels.remove(id);
        return null;
    }
}
