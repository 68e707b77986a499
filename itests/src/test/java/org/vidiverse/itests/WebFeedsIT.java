package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server side of the web features on the real distribution, after a real upload through the pipeline: RSS,
 * Atom and JSON feeds list the published video with a fetchable enclosure and filter by channel; oEmbed answers
 * for both watch URL shapes; the public stats count it; a player's metric and a view show up in the admin's
 * time series. One test: the upload and transcode are the expensive part, and every check needs them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebFeedsIT {
    private static final int PORT = 9196;
    private static final String BASE = "http://localhost:" + PORT;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    private final Http http = new Http(PORT);

    @Test
    public void feedsOEmbedStatsAndMetricsOfAPublishedVideo() throws Exception {
        String token = http.login("root", Distribution.ROOT_PASSWORD);
        JsonNode channel = http.get("/api/v1/users/me", token).json().path("videoChannels").get(0);
        JsonNode video = uploadAndPublish(token, channel.path("id").asLong(), "Feeds & <friends>");
        String uuid = video.path("uuid").asText();
        String shortUuid = video.path("shortUUID").asText();

        // RSS: the item links to the short watch URL, its title is escaped, its enclosure is a file served here
        Document rss = xml(ok("/feeds/videos.xml", "application/rss+xml"));
        Element item = itemLinking(rss.getElementsByTagName("item"), "link", BASE + "/w/" + shortUuid);
        assertEquals("Feeds & <friends>", item.getElementsByTagName("title").item(0).getTextContent());
        Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
        assertEquals("video/mp4", enclosure.getAttribute("type"));
        assertTrue(Long.parseLong(enclosure.getAttribute("length")) > 0);
        assertTrue(enclosure.getAttribute("url"), enclosure.getAttribute("url").startsWith(BASE + "/static/"));
        Http.Answer file = http.bytes("GET", enclosure.getAttribute("url"), null, null);
        assertEquals(200, file.status());
        assertEquals(xml(ok("/feeds/videos.rss2", "application/rss+xml")).getDocumentElement().getTagName(), "rss");

        // Atom and JSON Feed carry the same video and file
        Document atom = xml(ok("/feeds/videos.atom", "application/atom+xml"));
        assertEquals(ATOM, atom.getDocumentElement().getNamespaceURI());
        NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");
        boolean atomEnclosure = false;
        for (int i = 0; i < entries.getLength(); i++) {
            NodeList links = ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "link");
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                atomEnclosure |= "enclosure".equals(link.getAttribute("rel"))
                        && link.getAttribute("href").equals(enclosure.getAttribute("url"));
            }
        }
        assertTrue("no Atom entry with the video's file", atomEnclosure);
        JsonNode json = http.get("/feeds/videos.json").json();
        assertEquals("https://jsonfeed.org/version/1", json.path("version").asText());
        assertEquals(BASE + "/w/" + shortUuid, json.path("items").get(0).path("url").asText());
        assertEquals(enclosure.getAttribute("url"),
                json.path("items").get(0).path("attachments").get(0).path("url").asText());

        // caching: a reader that has the answer gets 304
        Http.Answer first = http.get("/feeds/videos.xml");
        assertNotNull(first.header("ETag"));
        assertTrue(first.header("Cache-Control"), first.header("Cache-Control").contains("max-age="));
        assertEquals(304, http.send(HttpRequest.newBuilder(java.net.URI.create(BASE + "/feeds/videos.xml"))
                .header("If-None-Match", first.header("ETag")).GET()).status());

        // filters: the video's channel lists it, another user's channel does not, unknown ones are 404
        assertEquals(1, xml(ok("/feeds/videos.xml?videoChannelId=" + channel.path("id").asLong(),
                "application/rss+xml")).getElementsByTagName("item").getLength());
        assertEquals(1, xml(ok("/feeds/videos.atom?videoChannelName=" + channel.path("name").asText(),
                "application/atom+xml")).getElementsByTagNameNS(ATOM, "entry").getLength());
        Http.Answer created = http.json("POST", "/api/v1/users", token, "{\"username\":\"carol\","
                + "\"email\":\"carol@example.org\",\"password\":\"carol-pass\",\"role\":2,\"videoQuota\":-1}");
        assertEquals(created.body(), 200, created.status());
        String carol = http.login("carol", "carol-pass");
        JsonNode carolMe = http.get("/api/v1/users/me", carol).json();
        String carolChannel = carolMe.path("videoChannels").get(0).path("name").asText();
        assertEquals(0, xml(ok("/feeds/videos.xml?videoChannelName=" + carolChannel, "application/rss+xml"))
                .getElementsByTagName("item").getLength());
        assertEquals(0, xml(ok("/feeds/videos.xml?accountName=carol", "application/rss+xml"))
                .getElementsByTagName("item").getLength());
        assertEquals(1, xml(ok("/feeds/videos.xml?accountName=root&isLocal=true", "application/rss+xml"))
                .getElementsByTagName("item").getLength());
        assertProblem(404, http.get("/feeds/videos.xml?videoChannelId=999999"));
        assertProblem(404, http.get("/feeds/videos.xml?videoChannelName=nobody_channel"));
        assertProblem(400, http.get("/feeds/videos.html"));
        assertProblem(400, http.get("/feeds/videos.xml?accountId=abc"));
        assertProblem(400, http.get("/feeds/videos.xml?sort=-hotness"));
        assertProblem(400, http.get("/feeds/videos.xml?isLocal=maybe"));

        // the subscription feed: carol's feed token opens her feed, which lists what she follows, and only hers
        long carolAccount = carolMe.path("account").path("id").asLong();
        assertProblem(401, http.get("/api/v1/users/scoped-tokens"));
        String feedToken = http.get("/api/v1/users/scoped-tokens", carol).json().path("feedToken").asText();
        assertEquals(feedToken, http.get("/api/v1/users/scoped-tokens", carol).json().path("feedToken").asText());
        String subscriptions = "/feeds/subscriptions.xml?accountId=" + carolAccount + "&token=";
        assertEquals(0, xml(ok(subscriptions + feedToken, "application/rss+xml")).getElementsByTagName("item")
                .getLength());
        assertEquals(204, http.json("POST", "/api/v1/users/me/subscriptions", carol,
                "{\"uri\":\"" + channel.path("name").asText() + "\"}").status());
        itemLinking(xml(ok(subscriptions + feedToken, "application/rss+xml")).getElementsByTagName("item"), "link",
                BASE + "/w/" + shortUuid);
        String rootToken = http.get("/api/v1/users/scoped-tokens", token).json().path("feedToken").asText();
        assertProblem(403, http.get(subscriptions + rootToken));
        assertProblem(400, http.get("/feeds/subscriptions.xml?accountId=" + carolAccount));
        assertProblem(404, http.get("/feeds/subscriptions.xml?accountId=999999&token=" + feedToken));
        String renewed = http.json("POST", "/api/v1/users/scoped-tokens", carol, null).json().path("feedToken")
                .asText();
        assertProblem(403, http.get(subscriptions + feedToken));
        assertEquals(200, http.get(subscriptions + renewed).status());

        // the comments feed lists a comment of the video, escaped, and 404s for an unknown video
        Http.Answer comment = http.json("POST", "/api/v1/videos/" + uuid + "/comment-threads", token,
                "{\"text\":\"Nice & <b>bold</b>\"}");
        assertEquals(comment.body(), 200, comment.status());
        Document comments = xml(ok("/feeds/video-comments.xml?videoId=" + shortUuid, "application/rss+xml"));
        assertEquals(1, comments.getElementsByTagName("item").getLength());
        assertEquals("Nice & <b>bold</b>", ((Element) comments.getElementsByTagName("item").item(0))
                .getElementsByTagName("description").item(0).getTextContent());
        assertEquals(1, http.get("/feeds/video-comments.json").json().path("items").size());
        assertProblem(404, http.get("/feeds/video-comments.atom?videoId=nosuchvideo1"));

        // oEmbed for both watch URL shapes; unknown videos 404, other hosts 400, XML 501
        for (String url : new String[] {BASE + "/w/" + shortUuid, BASE + "/videos/watch/" + uuid}) {
            JsonNode oembed = http.get("/services/oembed?url=" + enc(url)).json();
            assertEquals("video", oembed.path("type").asText());
            assertTrue(oembed.toString(), oembed.path("html").asText().contains("src=\"" + BASE + "/videos/embed/"
                    + uuid + "\""));
            assertEquals("Feeds & <friends>", oembed.path("title").asText());
            assertEquals(channel.path("name").asText(), oembed.path("author_name").asText());
        }
        assertEquals(200, http.get("/services/oembed?url=" + enc(BASE + "/w/" + shortUuid)).status());
        assertProblem(404, http.get("/services/oembed?url=" + enc(BASE + "/w/nosuchvideo1")));
        assertProblem(400, http.get("/services/oembed?url=" + enc("https://elsewhere.example/w/" + shortUuid)));
        assertProblem(501, http.get("/services/oembed?format=xml&url=" + enc(BASE + "/w/" + shortUuid)));

        // the description is served where the video JSON's descriptionPath points (the watch page reads it)
        JsonNode details = http.get("/api/v1/videos/" + uuid).json();
        Http.Answer description = http.get(details.path("descriptionPath").asText());
        assertEquals(200, description.status());
        assertTrue(description.json().toString(), description.json().has("description"));
        assertEquals(404, http.get("/api/v1/videos/00000000-0000-4000-8000-000000000000/description").status());

        // public stats count the video and the users
        JsonNode stats = http.get("/api/v1/server/stats").json();
        assertEquals(1, stats.path("totalLocalVideos").asLong());
        assertEquals(2, stats.path("totalUsers").asLong());
        assertTrue(stats.toString(), stats.path("totalLocalVideoFilesSize").asLong() > 0);

        // a view and a player's metric show up in today's figures of the admin's time series
        assertEquals(204, http.json("POST", "/api/v1/videos/" + uuid + "/views", null, "{\"currentTime\":1}")
                .status());
        String metric = "{\"playerMode\":\"p2p-media-loader\",\"resolution\":144,\"fps\":25,\"p2pEnabled\":true,"
                + "\"p2pPeers\":1,\"resolutionChanges\":0,\"errors\":0,\"downloadedBytesP2P\":12345,"
                + "\"downloadedBytesHTTP\":678,\"uploadedBytesP2P\":90,\"bufferStalled\":0,\"videoId\":\""
                + uuid + "\"}";
        assertEquals(204, http.json("POST", "/api/v1/metrics/playback", null, metric).status());
        assertProblem(400, http.json("POST", "/api/v1/metrics/playback", null,
                metric.replace("12345", "-5")));
        assertProblem(400, http.json("POST", "/api/v1/metrics/playback", null,
                metric.replace("\"p2p-media-loader\"", "\"flash\"")));
        JsonNode p2p = http.get("/api/v1/videos/" + uuid + "/stats/p2p", token).json();
        assertEquals(12345, p2p.path("bytesFromPeers").asLong());
        assertEquals(678, p2p.path("bytesFromServer").asLong());
        assertProblem(403, http.get("/api/v1/videos/" + uuid + "/stats/p2p", carol));
        JsonNode series = http.get("/api/v1/server/stats/timeseries?days=7", token).json();
        assertEquals(7, series.path("days").size());
        JsonNode today = series.path("days").get(6);
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), today.path("date").asText());
        assertEquals(12345, today.path("bytesFromPeers").asLong());
        assertEquals(678, today.path("bytesFromServer").asLong());
        assertEquals(1, today.path("views").asLong());
        assertEquals(1, today.path("uploads").asLong());
        assertTrue(series.toString(), series.path("storage").path("videoFilesBytes").asLong() > 0);
        assertTrue(series.toString(), series.path("storage").path("diskTotalBytes").asLong() > 0);
        assertTrue(series.path("deliveryQueue").has("pending"));
        assertProblem(401, http.get("/api/v1/server/stats/timeseries?days=7"));
        assertProblem(400, http.get("/api/v1/server/stats/timeseries?days=0", token));
        assertProblem(400, http.get("/api/v1/server/stats/timeseries?days=366", token));
    }

    private JsonNode uploadAndPublish(String token, long channelId, String name) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("channelId", String.valueOf(channelId));
        fields.put("privacy", "1");
        TestMedia.Multipart body = TestMedia.multipart(fields, "videofile", "clip.y4m",
                TestMedia.y4m(160, 90, 25, 50));
        Http.Answer answer = http.bytes("POST", "/api/v1/videos/upload", token, body.body(), "Content-Type",
                body.contentType());
        assertEquals(answer.body(), 200, answer.status());
        String uuid = answer.json().path("video").path("uuid").asText();
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode video = null;
        while (System.nanoTime() < deadline) {
            video = http.get("/api/v1/videos/" + uuid, token).json();
            int state = video.path("state").path("id").asInt();
            if (state == 1) {
                return video;
            }
            assertFalse("transcoding failed: " + video, state == 7);
            Thread.sleep(500);
        }
        throw new AssertionError("video " + uuid + " not published in time: " + video);
    }

    private String ok(String path, String type) throws Exception {
        Http.Answer answer = http.get(path);
        assertEquals(path + ": " + answer.body(), 200, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith(type));
        return answer.body();
    }

    private static Element itemLinking(NodeList items, String tag, String link) {
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (link.equals(item.getElementsByTagName(tag).item(0).getTextContent())) {
                return item;
            }
        }
        throw new AssertionError("no item links to " + link);
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertProblem(int status, Http.Answer answer) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
