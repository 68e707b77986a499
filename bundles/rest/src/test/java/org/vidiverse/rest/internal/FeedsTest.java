package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.vidiverse.rest.api.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

public class FeedsTest {
    private static final String HOSTILE = "Tom & Jerry <script>alert(\"x\")</script> ]]> \u0001\u0008 done";
    private static final Feeds.Meta META = new Feeds.Meta("My <instance>", "About & more",
            "https://video.example.org", "https://video.example.org/feeds/videos.xml?a=1&b=2", null);
    private static final Feeds.Item ITEM = new Feeds.Item("https://video.example.org/videos/watch/u1", HOSTILE,
            "https://video.example.org/w/abc", HOSTILE, Instant.parse("2026-11-24T10:00:00Z"),
            Instant.parse("2026-11-24T11:00:00Z"), "Channel & co", "https://video.example.org/c/ch",
            "https://video.example.org/lazy-static/previews/u1.jpg", "https://video.example.org/videos/embed/u1",
            List.of(new Feeds.Enclosure("https://video.example.org/static/web-videos/f-720.mp4?x=1&y=2",
                            "video/mp4", 1234, 720, 30, 60),
                    new Feeds.Enclosure("https://video.example.org/static/web-videos/f-240.mp4", "video/mp4", 99,
                            240, 30, 60)));

    @Test
    public void formatsHavePeerTubesNamesAndOthersAre400() {
        assertEquals(Feeds.Format.RSS, Feeds.Format.parse("xml"));
        assertEquals(Feeds.Format.RSS, Feeds.Format.parse("rss2"));
        assertEquals(Feeds.Format.ATOM, Feeds.Format.parse("atom1"));
        assertEquals(Feeds.Format.JSON, Feeds.Format.parse("json1"));
        for (String bad : new String[] {"html", "XML", "", null, "rss3"}) {
            try {
                Feeds.Format.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (Problem expected) {
                assertEquals(400, expected.status());
            }
        }
    }

    @Test
    public void rssIsWellFormedWithEscapedTextAndMediaEnclosures() throws Exception {
        Document doc = parse(Feeds.render(Feeds.Format.RSS, META, List.of(ITEM)));
        assertEquals("rss", doc.getDocumentElement().getTagName());
        Element item = (Element) doc.getElementsByTagName("item").item(0);
        String title = item.getElementsByTagName("title").item(0).getTextContent();
        assertEquals("Tom & Jerry <script>alert(\"x\")</script> ]]>  done", title);
        Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
        assertEquals("https://video.example.org/static/web-videos/f-720.mp4?x=1&y=2", enclosure.getAttribute("url"));
        assertEquals("1234", enclosure.getAttribute("length"));
        assertEquals("video/mp4", enclosure.getAttribute("type"));
        assertEquals(2, doc.getElementsByTagNameNS(Feeds.MEDIA_NS, "content").getLength());
        Element first = (Element) doc.getElementsByTagNameNS(Feeds.MEDIA_NS, "content").item(0);
        assertEquals("720", first.getAttribute("height"));
        assertEquals("Channel & co", doc.getElementsByTagNameNS(Feeds.DC_NS, "creator").item(0).getTextContent());
        assertEquals("Tue, 24 Nov 2026 10:00:00 GMT", item.getElementsByTagName("pubDate").item(0).getTextContent());
    }

    @Test
    public void atomIsWellFormedWithEnclosureLinks() throws Exception {
        Document doc = parse(Feeds.render(Feeds.Format.ATOM, META, List.of(ITEM)));
        Element feed = doc.getDocumentElement();
        assertEquals(Feeds.ATOM_NS, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        Element entry = (Element) feed.getElementsByTagNameNS(Feeds.ATOM_NS, "entry").item(0);
        assertEquals("2026-11-24T11:00:00Z", entry.getElementsByTagNameNS(Feeds.ATOM_NS, "updated").item(0)
                .getTextContent());
        boolean enclosure = false;
        for (int i = 0; i < entry.getElementsByTagNameNS(Feeds.ATOM_NS, "link").getLength(); i++) {
            Element link = (Element) entry.getElementsByTagNameNS(Feeds.ATOM_NS, "link").item(i);
            enclosure |= "enclosure".equals(link.getAttribute("rel"))
                    && link.getAttribute("href").endsWith("f-720.mp4?x=1&y=2");
        }
        assertTrue(enclosure);
    }

    @Test
    public void jsonFeedCarriesAttachments() throws Exception {
        JsonNode feed = Json.mapper().readTree(Feeds.render(Feeds.Format.JSON, META, List.of(ITEM)));
        assertEquals("https://jsonfeed.org/version/1", feed.get("version").asText());
        JsonNode item = feed.get("items").get(0);
        assertEquals("https://video.example.org/w/abc", item.get("url").asText());
        assertEquals(1234, item.get("attachments").get(0).get("size_in_bytes").asLong());
        assertEquals("video/mp4", item.get("attachments").get(0).get("mime_type").asText());
    }

    @Test
    public void anEmptyFeedIsStillValidAndStable() throws Exception {
        String once = Feeds.render(Feeds.Format.RSS, META, List.of());
        parse(once);
        parse(Feeds.render(Feeds.Format.ATOM, META, List.of()));
        assertEquals(once, Feeds.render(Feeds.Format.RSS, META, List.of()));
        assertFalse(Feeds.clean("a\u0000b\uD800c\uD83D\uDE00").contains("\u0000"));
        assertEquals("abc\uD83D\uDE00", Feeds.clean("a\u0000b\uD800c\uD83D\uDE00"));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
