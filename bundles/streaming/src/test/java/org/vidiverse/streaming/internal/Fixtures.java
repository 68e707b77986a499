package org.vidiverse.streaming.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoStore;

/** In-memory videos, files and tokens, and a media folder, for the streaming tests. */
final class Fixtures {
    static final String OWNER_TOKEN = "owner-token";
    static final String OTHER_TOKEN = "other-token";
    static final String MODERATOR_TOKEN = "moderator-token";
    static final long OWNER_ACCOUNT = 7;

    final Map<Long, Video> videos = new ConcurrentHashMap<>();
    final Map<Long, VideoFile> files = new ConcurrentHashMap<>();
    final Map<String, User> tokens = Map.of(
            OWNER_TOKEN, user(1, "owner", UserRole.USER, OWNER_ACCOUNT),
            OTHER_TOKEN, user(2, "other", UserRole.USER, 8),
            MODERATOR_TOKEN, user(3, "moderator", UserRole.MODERATOR, 9));
    final MediaStorage storage;

    Fixtures(Path root) {
        Path absolute = root.toAbsolutePath();
        this.storage = () -> absolute;
    }

    Video video(long id, String uuid, String name, VideoPrivacy privacy) {
        ActorRef account = new ActorRef(OWNER_ACCOUNT, "owner", "Owner", "localhost", "http://localhost/accounts/owner");
        Video v = new Video(id, uuid, "short" + id, name, "", null, privacy, VideoState.PUBLISHED, 10, null, null,
                null, List.of(), false, true, true, false, 0, 0, 0, 0, true, "http://localhost/videos/watch/" + uuid,
                account, account, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null);
        videos.put(id, v);
        return v;
    }

    VideoFile file(long id, long videoId, int resolution, String filename, boolean hls, String torrentFilename) {
        VideoFile f = new VideoFile(id, videoId, resolution, 0, 30, ".mp4", hls ? 1L : null, filename,
                torrentFilename, null);
        files.put(id, f);
        return f;
    }

    VideoStore videoStore() {
        return (VideoStore) Proxy.newProxyInstance(VideoStore.class.getClassLoader(), new Class<?>[] {VideoStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findById" -> Optional.ofNullable(videos.get((Long) args[0]));
                    case "findByUuid" -> videos.values().stream().filter(v -> v.uuid().equals(args[0])).findFirst();
                    case "findFileByFilename" ->
                            files.values().stream().filter(f -> f.filename().equals(args[0])).findFirst();
                    case "findFileByTorrentFilename" ->
                            files.values().stream().filter(f -> args[0].equals(f.torrentFilename())).findFirst();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    LoginService logins() {
        return (LoginService) Proxy.newProxyInstance(LoginService.class.getClassLoader(),
                new Class<?>[] {LoginService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("authenticate")) {
                        return Optional.ofNullable(tokens.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    MediaResolver resolver() {
        return new MediaResolver(storage, videoStore(), logins());
    }

    private static User user(long id, String name, UserRole role, long accountId) {
        return new User(id, name, name + "@example.org", true, role, false, null, -1, -1, "display", true, accountId,
                Instant.EPOCH, null);
    }
}
