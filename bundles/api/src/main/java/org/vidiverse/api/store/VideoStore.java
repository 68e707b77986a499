package org.vidiverse.api.store;

import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.QuotaExceededException;
import org.vidiverse.api.model.VideoState;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;

/** Videos and their renditions in the database. */
@org.osgi.annotation.versioning.ProviderType
public interface VideoStore {

    /** Creates a local video in a local channel; assigns its uuid, short uuid, ActivityPub url and timestamps. */
    Video create(NewVideo video);

    Optional<Video> findById(long id);

    Optional<Video> findByUuid(String uuid);

    Optional<Video> findByShortUuid(String shortUuid);

    /**
     * Lists videos matching {@code query}.
     *
     * @throws IllegalArgumentException if {@code page.sort()} is not one of {@link VideoQuery#SORT_FIELDS}
     */
    Page<Video> list(VideoQuery query, PageRequest page);

    /**
     * Applies the non-null fields of {@code update}, keeping tags and the search index in step.
     *
     * @throws NotFoundException if there is no such video
     */
    Video update(long id, org.vidiverse.api.model.VideoUpdate update);

    /**
     * Removes the video with its files, tags, comments, ratings and watch history; places in playlists stay, with
     * their video emptied, as PeerTube shows them. Returns whether it existed.
     */
    boolean delete(long id);

    long count();

    /**
     * A number that grows whenever a committed write in this process changes what video lists show (a video
     * created, edited, published or deleted; a channel or account renamed). Caches of lists compare it to know
     * whether what they remember is still right; view and like counters do not move it.
     *
     * @since 1.2
     */
    long changeCount();

    List<VideoFile> files(long videoId);

    /** Records a stored rendition. */
    VideoFile addFile(long videoId, int resolution, long size, int fps, String extname, String filename);

    /**
     * Creates a local video for an upload of {@code sourceBytes} in state {@link VideoState#TO_TRANSCODE}, if the
     * channel owner's quotas allow it. The check and the insert run under a lock on the owner, so concurrent
     * uploads cannot together exceed a quota; the source counts against the quota until its renditions replace it.
     *
     * @throws QuotaExceededException if the total or the daily quota would be exceeded; nothing is written
     * @throws NotFoundException if the channel does not exist
     */
    Video createUpload(NewVideo video, long sourceBytes);

    /**
     * Replaces every rendition of a video with a transcode's outputs, in one transaction: the web videos, the HLS
     * playlist (when {@code hlsPlaylistFilename} is not null) with its files, the duration; the source no longer
     * counts against the quota; the video moves to {@code state}.
     *
     * @throws NotFoundException if the video is gone (deleted while transcoding)
     */
    void storeRenditions(long videoId, int durationSeconds, List<NewVideoFile> webVideos, String hlsPlaylistFilename,
                         String segmentsSha256Filename, List<NewVideoFile> hlsFiles, VideoState state);

    /** @throws NotFoundException if there is no such video */
    void setState(long videoId, VideoState state);

    Optional<HlsPlaylist> hlsPlaylist(long videoId);

    /**
     * The rendition stored under {@code filename} (a web video MP4 or the fragmented MP4 of an HLS playlist), by an
     * indexed lookup. File names carry a random uuid, so at most one rendition has a given name.
     *
     * @since 1.1
     */
    Optional<VideoFile> findFileByFilename(String filename);

    /**
     * The rendition whose {@code .torrent} is named {@code torrentFilename}, by an indexed lookup.
     *
     * @since 1.1
     */
    Optional<VideoFile> findFileByTorrentFilename(String torrentFilename);

    /**
     * Records the {@code .torrent} made for a rendition, replacing an earlier one.
     *
     * @param infoHash 40 hex digits
     * @throws NotFoundException if there is no such file
     * @since 1.1
     */
    VideoFile setTorrent(long fileId, String torrentFilename, String infoHash);

    /**
     * A video by its ActivityPub id, local or remote.
     *
     * @since 1.3
     */
    Optional<Video> findByUrl(String url);

    /**
     * Creates or refreshes a remote video, found by its url, in one transaction: metadata, tags, search index and
     * the URLs of its files and HLS playlist (replacing the earlier ones). A video's uuid is kept from its first
     * sight; the video must belong to the stored remote channel it names.
     *
     * @throws NotFoundException if the channel is not stored
     * @throws IllegalArgumentException if the url is a local video's, the channel is local, or a video with the
     *                                  same url belongs to another channel
     * @since 1.3
     */
    Video saveRemote(org.vidiverse.api.model.RemoteVideo video);
}
