package org.vidiverse.sample.supporters;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

/** In-memory stores for the plugin's tests: alice owns channel 3 "alice_channel"; bob and mod are users. */
final class Fakes {
    static final ActorRef ALICE_ACCOUNT = new ActorRef(2, "alice", "Alice", "localhost", "http://localhost/a/alice");
    static final Channel ALICE_CHANNEL = new Channel(3, "alice_channel", "Alice's channel", null, null, "localhost",
            true, "http://localhost/video-channels/alice_channel", ALICE_ACCOUNT, 0, Instant.EPOCH, Instant.EPOCH);
    static final User ALICE = user(1, "alice", UserRole.USER, 2);
    static final User BOB = user(5, "bob", UserRole.USER, 6);
    static final User MOD = user(7, "mod", UserRole.MODERATOR, 8);

    final Map<String, Video> videos = new HashMap<>();
    final Map<String, User> tokens = Map.of("alice-token", ALICE, "bob-token", BOB, "mod-token", MOD);

    Video video(String uuid, String... tags) {
        Video v = new Video(10, uuid, "s", "v", null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 30, null, null,
                null, List.of(tags), false, true, true, false, 0, 0, 0, 0, true, "http://localhost/videos/watch/" + uuid,
                ALICE_CHANNEL.ref(), ALICE_ACCOUNT, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null);
        videos.put(uuid, v);
        return v;
    }

    VideoStore videoStore() {
        return proxy(VideoStore.class, (name, args) -> switch (name) {
            case "findByUuid" -> Optional.ofNullable(videos.get((String) args[0]));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    ChannelStore channelStore() {
        return proxy(ChannelStore.class, (name, args) -> switch (name) {
            case "findChannel" -> Optional.of(ALICE_CHANNEL).filter(c -> c.id() == (Long) args[0]);
            case "findLocalChannel" -> Optional.of(ALICE_CHANNEL).filter(c -> c.name().equalsIgnoreCase((String) args[0]));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    UserStore userStore() {
        return proxy(UserStore.class, (name, args) -> switch (name) {
            case "findByUsername" -> tokens.values().stream().filter(u -> u.username().equals(args[0])).findFirst();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    LoginService logins() {
        return proxy(LoginService.class, (name, args) -> switch (name) {
            case "authenticate" -> Optional.ofNullable(tokens.get((String) args[0]));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args));
    }

    static SupportersConfig config(String tag, String message, String... links) {
        return new SupportersConfig() {
            @Override public Class<? extends Annotation> annotationType() { return SupportersConfig.class; }
            @Override public String tag() { return tag; }
            @Override public String[] links() { return links; }
            @Override public String message() { return message; }
        };
    }

    private static User user(long id, String name, UserRole role, long accountId) {
        return new User(id, name, name + "@example.org", true, role, false, null, -1, -1, "display", true, accountId,
                Instant.EPOCH, null);
    }
}
