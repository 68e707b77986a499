package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.vidiverse.api.media.TorrentMaker;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tracker on the real distribution: HTTP announce and scrape at {@code /tracker/announce} and
 * {@code /tracker/scrape} for the torrent of a stored video file, and the WebTorrent WebSocket tracker at
 * {@code /tracker/socket} relaying an offer and its answer between two clients - and neither door open to a swarm
 * the instance does not host.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrackerIT {
    private static final int PORT = 9195;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_HEX = "ab".repeat(20);

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    TorrentMaker torrents;
    @Inject
    ConfigurationAdmin configs;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    /** A published video whose MP4 file has a torrent made by the instance; returns the torrent's info hash. */
    private String hostedInfoHash() throws Exception {
        User root = users.findByUsername("root").orElseThrow();
        long channel = channels.channelsOf(root.accountId()).get(0).id();
        Video v = videos.create(new NewVideo(channel, "Tracked " + UUID.randomUUID(), null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 10, null, null, null, List.of(), false, true, true, false));
        byte[] bytes = new byte[100_000];
        new Random().nextBytes(bytes); // a torrent of its own: other tests' peers are not in its swarm
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "tracker");
        String filename = UUID.randomUUID() + "-720.mp4";
        Path file = dir.resolve(filename);
        Files.write(file, bytes);
        VideoFile stored = videos.addFile(v.id(), 720, bytes.length, 30, ".mp4", filename);
        TorrentMaker.Torrent torrent = torrents.make(file, "Tracked 720p.mp4", List.of(),
                List.of("http://localhost:" + PORT + "/tracker/announce"), dir.resolve("t.torrent"));
        videos.setTorrent(stored.id(), "t.torrent", torrent.infoHash());
        // the tracker rescans its hosted swarms at most every 2 s unless a video changed: wait until it knows this
        // one (scrape lists hosted swarms only and adds no peer)
        String hex = torrent.infoHash();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!scrapeLists(hex)) {
            assertTrue("the tracker never hosted " + hex, System.nanoTime() < deadline);
            Thread.sleep(200);
        }
        return hex;
    }

    /** Whether scrape lists the swarm; false too while the tracker is not deployed yet. */
    private boolean scrapeLists(String hex) throws InterruptedException {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                    + "/tracker/scrape?info_hash=" + percent(hex))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 && new String(r.body(), StandardCharsets.ISO_8859_1).contains(binary(hex));
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private static String percent(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            sb.append('%').append(hex, i, i + 2);
        }
        return sb.toString();
    }

    private static String binary(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
    }

    private String get(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(pathAndQuery, 200, r.statusCode());
        return new String(r.body(), StandardCharsets.ISO_8859_1);
    }

    /** The tracker registers with the HTTP whiteboard a moment after the container is ready. */
    private String announce(String hex, String peerId, int port) throws Exception {
        String query = "/tracker/announce?info_hash=" + percent(hex) + "&peer_id=" + peerId + "&port=" + port
                + "&uploaded=0&downloaded=0&left=1000&compact=1";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + query))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200 || System.nanoTime() > deadline) {
                    assertEquals(200, r.statusCode());
                    return new String(r.body(), StandardCharsets.ISO_8859_1);
                }
            } catch (IOException notYetListening) {
                if (System.nanoTime() > deadline) {
                    throw notYetListening;
                }
            }
            Thread.sleep(200);
        }
    }

    @Test
    public void httpAnnounceAndScrapeOfAHostedTorrent() throws Exception {
        String hex = hostedInfoHash();
        String first = announce(hex, "-VD0001-aaaaaaaaaaaa", 6881);
        assertTrue(first, first.startsWith("d8:completei0e10:incompletei1e8:intervali"));
        assertTrue(first, first.endsWith("5:peers0:e"));
        String second = announce(hex, "-VD0001-bbbbbbbbbbbb", 6882);
        // the first peer, compact: 127.0.0.1 and port 6881 (0x1ae1)
        assertTrue(second, second.endsWith("5:peers6:\u007f\u0000\u0000\u0001\u001a\u00e1e"));

        String scrape = get("/tracker/scrape?info_hash=" + percent(hex));
        assertEquals("d5:filesd20:" + binary(hex) + "d8:completei0e10:downloadedi0e10:incompletei2eeee", scrape);
    }

    @Test
    public void httpAnnounceOfAnUnknownTorrentFails() throws Exception {
        hostedInfoHash(); // the tracker is up and has scanned, yet knows nothing of this one
        String body = announce(UNKNOWN_HEX, "-VD0001-cccccccccccc", 6883);
        assertTrue(body, body.startsWith("d14:failure reason"));
        assertTrue(body, body.contains("unknown swarm"));
        assertEquals("d5:filesdee", get("/tracker/scrape?info_hash=" + percent(UNKNOWN_HEX)));
    }

    /** A WebSocket client that queues the text frames it receives. */
    private static final class Peer implements WebSocket.Listener {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(ObjectNode message) {
            socket.sendText(message.toString(), true).join();
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = received.poll(20, TimeUnit.SECONDS);
            assertNotNull("no message from the tracker", m);
            return m;
        }
    }

    private Peer connect() throws Exception {
        announce(UNKNOWN_HEX, "-VD0001-wait-for-up0", 1); // the tracker's servlet answers: the socket is deployed too
        Peer p = new Peer();
        p.socket = client.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + PORT + "/tracker/socket"), p)
                .get(20, TimeUnit.SECONDS);
        return p;
    }

    private static ObjectNode announceMessage(String infoHash, String peerId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("action", "announce");
        m.put("info_hash", infoHash);
        m.put("peer_id", peerId);
        m.put("left", 1000);
        m.put("numwant", 5);
        m.put("event", "started");
        m.putArray("offers");
        return m;
    }

    @Test
    public void webSocketPeersExchangeAnOfferAndItsAnswer() throws Exception {
        String hash = binary(hostedInfoHash());
        Peer a = connect();
        Peer b = connect();

        a.send(announceMessage(hash, "AAAAAAAAAAAAAAAAAAAA"));
        JsonNode joined = a.next();
        assertEquals(joined.toString(), hash, joined.get("info_hash").asText());
        assertEquals(1, joined.get("incomplete").asInt());

        ObjectNode withOffer = announceMessage(hash, "BBBBBBBBBBBBBBBBBBBB");
        ObjectNode offer = withOffer.withArray("offers").addObject();
        offer.put("offer_id", "offer-1");
        offer.putObject("offer").put("type", "offer").put("sdp", "v=0 offer from B");
        b.send(withOffer);
        assertEquals(2, b.next().get("incomplete").asInt());

        JsonNode relayed = a.next();
        assertEquals("v=0 offer from B", relayed.at("/offer/sdp").asText());
        assertEquals("offer-1", relayed.get("offer_id").asText());
        assertEquals("BBBBBBBBBBBBBBBBBBBB", relayed.get("peer_id").asText());

        ObjectNode answer = JSON.createObjectNode();
        answer.put("action", "announce").put("info_hash", hash).put("peer_id", "AAAAAAAAAAAAAAAAAAAA")
                .put("to_peer_id", "BBBBBBBBBBBBBBBBBBBB").put("offer_id", "offer-1");
        answer.putObject("answer").put("type", "answer").put("sdp", "v=0 answer from A");
        a.send(answer);
        JsonNode answered = b.next();
        assertEquals("v=0 answer from A", answered.at("/answer/sdp").asText());
        assertEquals("AAAAAAAAAAAAAAAAAAAA", answered.get("peer_id").asText());
        assertEquals("offer-1", answered.get("offer_id").asText());
    }

    @Test
    public void webSocketAnnounceToAnUnknownSwarmIsRefused() throws Exception {
        String unknown = binary(UNKNOWN_HEX);
        Peer a = connect();
        Peer b = connect();
        a.send(announceMessage(unknown, "CCCCCCCCCCCCCCCCCCCC"));
        assertTrue(a.next().get("failure reason").asText().contains("unknown swarm"));

        ObjectNode withOffer = announceMessage(unknown, "DDDDDDDDDDDDDDDDDDDD");
        withOffer.withArray("offers").addObject().put("offer_id", "x").putObject("offer").put("sdp", "relay me");
        b.send(withOffer);
        assertTrue(b.next().get("failure reason").asText().contains("unknown swarm"));
        assertEquals("nothing was relayed to the first client", null, a.received.poll(1, TimeUnit.SECONDS));
    }

    @Test
    public void configShowsTheTrackerAndTheInstanceCanTurnP2pOff() throws Exception {
        announce(UNKNOWN_HEX, "-VD0001-wait-for-up1", 1);
        // the REST endpoint answers 404 for a moment while it is rebuilt as the bundles' resources arrive
        long up = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/config")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertTrue("/api/v1/config never answered", System.nanoTime() < up);
            Thread.sleep(200);
        }
        JsonNode config = JSON.readTree(get("/api/v1/config"));
        assertTrue(config.toString(), config.at("/tracker/enabled").asBoolean());
        assertTrue(config.at("/defaults/p2p/webapp/enabled").asBoolean());

        org.osgi.service.cm.Configuration c = configs.getConfiguration("org.vidiverse.tracker", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("p2pEnabled", false);
        c.update(props);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (JSON.readTree(get("/api/v1/config")).at("/defaults/p2p/webapp/enabled").asBoolean()) {
                assertTrue("P2P never turned off in /api/v1/config", System.nanoTime() < deadline);
                Thread.sleep(200);
            }
            assertTrue("the tracker itself still runs",
                    JSON.readTree(get("/api/v1/config")).at("/tracker/enabled").asBoolean());
        } finally {
            c.delete();
        }
    }
}
