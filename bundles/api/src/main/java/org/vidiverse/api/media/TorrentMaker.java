package org.vidiverse.api.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Makes BitTorrent metainfo for a stored file. */
@org.osgi.annotation.versioning.ProviderType
public interface TorrentMaker {
    /**
     * A made {@code .torrent}.
     *
     * @param infoHash  SHA-1 of the bencoded info dictionary, 40 lower-case hex digits
     * @param magnetUri {@code magnet:?xt=urn:btih:...} with the name, the trackers and the web seeds
     */
    record Torrent(String infoHash, String magnetUri, Path file) {
    }

    /**
     * Writes a single-file torrent (BEP 3) of {@code file} to {@code torrentFile}, atomically.
     *
     * @param name      the file name inside the torrent
     * @param webSeeds  HTTP URLs of the same file (BEP 19, {@code url-list})
     * @param trackers  announce URLs, first one as {@code announce}, all in {@code announce-list}
     */
    Torrent make(Path file, String name, List<String> webSeeds, List<String> trackers, Path torrentFile)
            throws IOException;
}
