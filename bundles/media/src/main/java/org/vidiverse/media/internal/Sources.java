package org.vidiverse.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.store.VideoStore;

/** Where the best copy of a video is, to transcode it again: the kept original, else its highest web video. */
final class Sources {
    private Sources() {
    }

    static Optional<Path> best(MediaStorage storage, VideoStore videos, Video video) {
        Path originals = storage.uploads().resolve("originals");
        if (Files.isDirectory(originals)) {
            try (Stream<Path> files = Files.list(originals)) {
                Optional<Path> original = files.filter(p -> p.getFileName().toString().startsWith(video.uuid() + "."))
                        .findFirst();
                if (original.isPresent()) {
                    return original;
                }
            } catch (java.io.IOException e) {
                // fall through to the renditions
            }
        }
        return videos.files(video.id()).stream().filter(f -> f.streamingPlaylistId() == null)
                .max(Comparator.comparingInt(VideoFile::resolution))
                .map(f -> storage.webVideos().resolve(f.filename())).filter(Files::isRegularFile);
    }
}
