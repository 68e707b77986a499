package org.vidiverse.streaming.internal.torrent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.TorrentMaker;

/**
 * Single-file torrents (BEP 3) as PeerTube makes them with webtorrent's create-torrent: {@code announce} and
 * {@code announce-list} with one tracker per tier, {@code url-list} web seeds (BEP 19), {@code created by},
 * {@code creation date}, and an info dictionary with {@code length}, {@code name}, {@code piece length} and the
 * SHA-1 {@code pieces}, hashed while the file is read once in 1 MiB blocks.
 *
 * <p>An empty tracker list means this instance's trackers, as PeerTube announces them:
 * {@code ws(s)://host/tracker/socket} then {@code http(s)://host/tracker/announce}.
 */
@Component(service = TorrentMaker.class)
public final class TorrentMakerImpl implements TorrentMaker {
    static final String CREATED_BY = "Vidiverse";
    static final int MIN_PIECE = 16 * 1024;
    static final int MAX_PIECE = 16 * 1024 * 1024;
    private static final int READ_BLOCK = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TorrentMakerImpl.class);

    private final InstanceIdentity identity;
    private final Clock clock;

    @Activate
    public TorrentMakerImpl(@Reference InstanceIdentity identity) {
        this(identity, Clock.systemUTC());
    }

    TorrentMakerImpl(InstanceIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Torrent make(Path file, String name, List<String> webSeeds, List<String> trackers, Path torrentFile)
            throws IOException {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a torrent's file name is one non-blank name: " + name);
        }
        List<String> announce = trackers == null || trackers.isEmpty() ? trackersOf(identity.publicUrl())
                : List.copyOf(trackers);
        List<String> seeds = webSeeds == null ? List.of() : List.copyOf(webSeeds);
        long started = System.nanoTime();

        Map<String, Object> info = new LinkedHashMap<>();
        long length;
        int pieceLength;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            length = in.size();
            pieceLength = pieceLength(length);
            info.put("pieces", pieces(in, length, pieceLength));
        }
        info.put("length", length);
        info.put("name", name);
        info.put("piece length", pieceLength);

        Map<String, Object> torrent = new LinkedHashMap<>();
        torrent.put("announce", announce.get(0));
        List<List<String>> tiers = new ArrayList<>();
        announce.forEach(t -> tiers.add(List.of(t)));
        torrent.put("announce-list", tiers);
        torrent.put("created by", CREATED_BY);
        torrent.put("creation date", clock.instant().getEpochSecond());
        torrent.put("info", info);
        if (!seeds.isEmpty()) {
            torrent.put("url-list", seeds);
        }

        String infoHash = HexFormat.of().formatHex(sha1().digest(Bencode.encode(info)));
        writeAtomically(torrentFile, Bencode.encode(torrent));
        LOG.debug("Made {} ({} bytes in {} pieces of {}) in {} ms", torrentFile, length,
                (length + pieceLength - 1) / pieceLength, pieceLength, (System.nanoTime() - started) / 1_000_000);
        return new Torrent(infoHash, magnet(infoHash, name, announce, seeds), torrentFile);
    }

    /**
     * webtorrent's choice (the piece-length package): the power of two nearest to {@code length / 1024} (in log
     * scale), at least 16 KiB; capped here at 16 MiB. Files of 16 MiB to 16 GiB get 724 to 1,448 pieces.
     */
    static int pieceLength(long length) {
        double kib = length < 1024 ? 1 : length / 1024.0;
        int exponent = (int) Math.floor(Math.log(kib) / Math.log(2) + 0.5);
        long piece = exponent >= 31 ? MAX_PIECE : 1L << exponent;
        return (int) Math.min(MAX_PIECE, Math.max(MIN_PIECE, piece));
    }

    /** The concatenated SHA-1 of every piece, the last one possibly short; reads the file once, sequentially. */
    static byte[] pieces(FileChannel in, long length, int pieceLength) throws IOException {
        int count = (int) ((length + pieceLength - 1) / pieceLength);
        byte[] out = new byte[count * 20];
        MessageDigest sha1 = sha1();
        ByteBuffer block = ByteBuffer.allocateDirect((int) Math.min(READ_BLOCK, Math.max(pieceLength, 1)));
        long position = 0;
        int piece = 0;
        long inPiece = 0;
        while (position < length) {
            block.clear();
            block.limit((int) Math.min(block.capacity(), Math.min(pieceLength - inPiece, length - position)));
            int n = in.read(block, position);
            if (n < 0) {
                throw new IOException("file ended at " + position + " of " + length + " bytes (changed while read?)");
            }
            block.flip();
            sha1.update(block);
            position += n;
            inPiece += n;
            if (inPiece == pieceLength || position == length) {
                System.arraycopy(sha1.digest(), 0, out, piece * 20, 20);
                piece++;
                inPiece = 0;
            }
        }
        return out;
    }

    /** This instance's trackers: the WebSocket one for browsers, then the HTTP one. */
    static List<String> trackersOf(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String ws = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
        String authority = uri.getRawAuthority();
        return List.of(ws + "://" + authority + "/tracker/socket", publicUrl + "/tracker/announce");
    }

    /** {@code magnet:?xt=urn:btih:{hash}&dn={name}&tr={tracker}...&ws={seed}...}, values percent-encoded. */
    static String magnet(String infoHash, String name, List<String> trackers, List<String> webSeeds) {
        StringBuilder uri = new StringBuilder("magnet:?xt=urn:btih:").append(infoHash)
                .append("&dn=").append(encode(name));
        trackers.forEach(t -> uri.append("&tr=").append(encode(t)));
        webSeeds.forEach(s -> uri.append("&ws=").append(encode(s)));
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Written beside the target under a temporary name, then renamed over it: readers see old or new, never half. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream stream = java.nio.channels.Channels.newOutputStream(out)) {
                stream.write(bytes);
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
