package org.vidiverse.media.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.media.TorrentMaker;

/** The {@code .torrent} of a media file as PeerTube makes them: the instance as web seed and as tracker. */
final class Torrents {
    private Torrents() {
    }

    /** A written torrent: its file name under {@link MediaStorage#torrents()}, where it is, its info hash. */
    record Made(String filename, Path path, String infoHash) {
    }

    /**
     * Writes {@code torrents/{base}.torrent} for {@code file}; {@code null} while no torrent maker is installed.
     *
     * @param name    the file's name inside the torrent
     * @param urlPath where the instance serves the file, for the web seed
     */
    static Made make(TorrentMaker maker, InstanceIdentity instance, MediaStorage storage, Path file, String name,
                     String urlPath, String base) throws IOException {
        if (maker == null) {
            return null;
        }
        String publicUrl = instance.publicUrl();
        URI uri = URI.create(publicUrl);
        String ws = ("https".equals(uri.getScheme()) ? "wss" : "ws") + "://" + uri.getAuthority() + "/tracker/socket";
        String filename = base + ".torrent";
        Path target = storage.torrents().resolve(filename);
        Files.createDirectories(target.getParent());
        TorrentMaker.Torrent t = maker.make(file, name, List.of(publicUrl + urlPath),
                List.of(ws, publicUrl + "/tracker/announce"), target);
        return new Made(filename, target, t.infoHash());
    }
}
