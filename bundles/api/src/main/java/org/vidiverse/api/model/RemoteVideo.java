package org.vidiverse.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A video of another instance as its ActivityPub object describes it, to be stored or refreshed by
 * {@link org.vidiverse.api.store.VideoStore#saveRemote}. Its files stay on the origin: only their URLs are kept.
 *
 * @param url             the video's ActivityPub id ({@code https://origin/videos/watch/{uuid}})
 * @param channelActorId  the stored remote channel (group actor) the video belongs to
 * @param thumbnailUrl    the origin's thumbnail, or {@code null}
 * @param previewUrl      the origin's preview, or {@code null}
 * @param webVideos       the MP4 renditions
 * @param hlsPlaylistUrl  the HLS master playlist, or {@code null} without HLS
 * @param hlsFiles        the fragmented MP4 renditions of the HLS playlist
 */
public record RemoteVideo(String url, String uuid, String name, String description, String support,
                          int durationSeconds, Integer category, Integer licence, String language, List<String> tags,
                          boolean nsfw, boolean commentsEnabled, boolean downloadEnabled, boolean waitTranscoding,
                          VideoPrivacy privacy, VideoState state, long views, long channelActorId,
                          Instant publishedAt, Instant updatedAt, Instant originallyPublishedAt, String thumbnailUrl,
                          String previewUrl, List<File> webVideos, String hlsPlaylistUrl, String segmentsSha256Url,
                          List<File> hlsFiles) {
    public RemoteVideo {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        tags = tags == null ? List.of() : List.copyOf(tags);
        webVideos = webVideos == null ? List.of() : List.copyOf(webVideos);
        hlsFiles = hlsFiles == null ? List.of() : List.copyOf(hlsFiles);
    }

    /**
     * One rendition on the origin.
     *
     * @param fileUrl    where the origin serves the MP4
     * @param torrentUrl the origin's {@code .torrent}, or {@code null}
     * @param infoHash   the torrent's info hash (hex), or {@code null}
     */
    public record File(int resolution, long size, int fps, String fileUrl, String torrentUrl, String infoHash) {
        public File {
            Objects.requireNonNull(fileUrl, "fileUrl");
        }
    }
}
