package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.store.VideoStore;

/**
 * Finds the file a media URL names, the video it belongs to, and whether the caller may have it.
 *
 * <p>Files of public and unlisted videos are open to anyone. Files of other videos (private, internal, password
 * protected) need an {@code Authorization: Bearer} token of the video's owner or of a moderator or administrator;
 * anyone else gets 403. The video is found from the URL: the folder of an HLS playlist is the video's uuid; web
 * videos, HLS downloads and torrents are looked up by file name. A web video, download or torrent without a video
 * in the database is not served (404), so a file left behind by a deleted video or not yet recorded never leaks.
 * Found videos and files are remembered for a couple of seconds ({@link RecentLookups}).
 * Thumbnails and previews are open, as in PeerTube, unless their name is the uuid of a video that is not.
 *
 * <p>Monetization: when monetization providers are active, the files (not the stills) of a video that passed the
 * checks above are served only when every provider allows it ({@link MonetizationService#checkAccess}), for local
 * and remote videos alike; the video's owner and moderators pass without asking. A refusal is a 403 with the
 * provider's message and support URL. Without providers nothing is looked up. Files a provider was asked about for a
 * logged-in caller are answered with {@code Cache-Control: private}.
 */
final class MediaResolver {
    private static final Logger LOG = LoggerFactory.getLogger(MediaResolver.class);
    private static final String BEARER = "bearer ";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A file the request may be answered with. */
    record Target(MediaRoute route, Path file, String name, boolean open, String downloadName) {
        Target withFile(Path other) {
            return new Target(route, other, name, open, downloadName);
        }
    }

    private final MediaStorage storage;
    private final VideoStore videos;
    private final LoginService logins;
    private final RecentLookups recent;
    /** {@code null}: no monetization at all (unit tests of the other checks). */
    private final MonetizationService monetization;

    MediaResolver(MediaStorage storage, VideoStore videos, LoginService logins) {
        this(storage, videos, logins, new RecentLookups());
    }

    MediaResolver(MediaStorage storage, VideoStore videos, LoginService logins, RecentLookups recent) {
        this(storage, videos, logins, recent, null);
    }

    MediaResolver(MediaStorage storage, VideoStore videos, LoginService logins, RecentLookups recent,
                  MonetizationService monetization) {
        this.storage = storage;
        this.videos = videos;
        this.logins = logins;
        this.recent = recent;
        this.monetization = monetization;
    }

    /**
     * @param names         the checked path segments after the route's prefix ({@link MediaRoute#names})
     * @param authorization the Authorization header or {@code null}
     * @return a regular file inside the media root
     * @throws HttpProblem 403 when the caller may not have the file, 404 when there is none
     */
    Target resolve(MediaRoute route, List<String> names, String authorization) throws HttpProblem {
        String name = names.get(names.size() - 1);
        Target target = switch (route) {
            case WEB_VIDEOS, DOWNLOAD_WEB_VIDEOS -> {
                VideoFile file = fileNamed(name).filter(f -> f.streamingPlaylistId() == null)
                        .orElseThrow(HttpProblem::notFound);
                Video video = videoOf(file);
                yield target(route, storage.webVideos().resolve(name), name,
                        gate(video, authorization, access(video, authorization)), video, file);
            }
            case HLS -> {
                String uuid = names.get(0);
                Video video = videoWithUuid(uuid).orElseThrow(HttpProblem::notFound);
                yield target(route, storage.hls(uuid).resolve(name), name,
                        gate(video, authorization, access(video, authorization)), video, null);
            }
            case DOWNLOAD_HLS -> {
                VideoFile file = fileNamed(name).filter(f -> f.streamingPlaylistId() != null)
                        .orElseThrow(HttpProblem::notFound);
                Video video = videoOf(file);
                yield target(route, storage.hls(video.uuid()).resolve(name), name,
                        gate(video, authorization, access(video, authorization)), video, file);
            }
            case TORRENTS -> {
                VideoFile file = recent.get("torrent:" + name, () -> videos.findFileByTorrentFilename(name))
                        .orElseThrow(HttpProblem::notFound);
                Video video = videoOf(file);
                yield target(route, storage.torrents().resolve(name), name,
                        gate(video, authorization, access(video, authorization)), video, file);
            }
            case THUMBNAILS, PREVIEWS -> {
                Path folder = route == MediaRoute.THUMBNAILS ? storage.thumbnails() : storage.previews();
                String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                Optional<Video> video = videoWithUuid(base);
                boolean open = video.isEmpty() || access(video.get(), authorization);
                yield target(route, folder.resolve(name), name, open, null, null);
            }
        };
        return target.withFile(inside(target.file()));
    }

    private Optional<VideoFile> fileNamed(String name) {
        return recent.get("file:" + name, () -> videos.findFileByFilename(name));
    }

    private Optional<Video> videoWithUuid(String uuid) {
        return UUID.matcher(uuid).matches() ? recent.get("uuid:" + uuid, () -> videos.findByUuid(uuid))
                : Optional.empty();
    }

    private Video videoOf(VideoFile file) throws HttpProblem {
        return recent.<Video>get("id:" + file.videoId(), () -> videos.findById(file.videoId()))
                .orElseThrow(HttpProblem::notFound);
    }

    private static Target target(MediaRoute route, Path file, String name, boolean open, Video video,
                                 VideoFile videoFile) {
        String download = route.download() && video != null && videoFile != null
                ? ContentDisposition.downloadName(video.name(), videoFile.resolution(), videoFile.extname()) : null;
        return new Target(route, file, name, open, download);
    }

    /**
     * Whether the video is open to everyone; for the others (and for blocked or held videos), whether the caller is
     * its owner or a moderator.
     *
     * @throws HttpProblem 403 for anyone else
     */
    private boolean access(Video video, String authorization) throws HttpProblem {
        VideoPrivacy privacy = video.privacy();
        if (!video.blacklisted() && (privacy == VideoPrivacy.PUBLIC || privacy == VideoPrivacy.UNLISTED)) {
            return true;
        }
        Optional<User> user = bearer(authorization);
        if (user.isPresent() && isOwnerOrModerator(video, user.get())) {
            return false;
        }
        throw HttpProblem.forbidden();
    }

    /**
     * The monetization check of a video's files, after {@link #access}: only when providers are active and the file
     * would be served; the video's owner and moderators pass without asking.
     *
     * @param open what {@link #access} answered
     * @return whether the answer may be cached by anyone
     * @throws HttpProblem 403 with the provider's message and support URL when a provider refuses
     */
    private boolean gate(Video video, String authorization, boolean open) throws HttpProblem {
        MonetizationService current = monetization;
        if (current == null || !open || !current.active()) {
            return open;   // not open: only the owner or a moderator got this far
        }
        Optional<User> user = bearer(authorization);
        if (user.isPresent() && isOwnerOrModerator(video, user.get())) {
            return false;
        }
        long channelId = video.channel() == null ? 0 : video.channel().id();
        AccessDecision decision = current.checkAccess(new AccessRequest(video.uuid(), channelId,
                user.map(User::username).orElse(null)));
        if (!decision.allowed()) {
            throw HttpProblem.refused(decision.message(), decision.supportUrl());
        }
        return user.isEmpty();
    }

    private static boolean isOwnerOrModerator(Video video, User user) {
        return user.role().atLeast(UserRole.MODERATOR)
                || video.account() != null && video.account().id() == user.accountId();
    }

    private Optional<User> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : logins.authenticate(token);
    }

    /**
     * The real path of {@code file} when it is a regular file inside the media root, symbolic links followed on both
     * sides (the root itself may be a link, e.g. to another disk); 404 for anything else.
     */
    private Path inside(Path file) throws HttpProblem {
        Path root = storage.root().toAbsolutePath().normalize();
        if (!file.toAbsolutePath().normalize().startsWith(root)) {
            throw HttpProblem.badPath();   // unreachable with checked names; kept as a second lock
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                LOG.warn("Refused {}: it leads out of the media folder to {}", file, real);
                throw HttpProblem.notFound();
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw HttpProblem.notFound();
            }
            return real;
        } catch (NoSuchFileException e) {
            throw HttpProblem.notFound();
        } catch (IOException e) {
            LOG.debug("Cannot resolve {}: {}", file, e.toString());
            throw HttpProblem.notFound();
        }
    }
}
