package org.vidiverse.api.store;

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

    List<VideoFile> files(long videoId);

    /** Records a stored rendition. */
    VideoFile addFile(long videoId, int resolution, long size, int fps, String extname, String filename);
}
