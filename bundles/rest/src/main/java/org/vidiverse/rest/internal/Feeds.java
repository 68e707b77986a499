package org.vidiverse.rest.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.vidiverse.rest.api.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Renders a feed as RSS 2.0 with Media RSS, Atom 1.0 or JSON Feed 1.0, the three formats PeerTube's
 * {@code /feeds/*.{format}} serve. Text goes through an XML writer (which escapes it) after the characters XML 1.0
 * cannot carry at all are dropped, so a title with control characters cannot make a feed unreadable.
 */
final class Feeds {
    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String GENERATOR = "Vidiverse";

    private Feeds() {
    }

    /** The formats with PeerTube's names for them and the media type each is served as. */
    enum Format {
        RSS("application/rss+xml; charset=utf-8"),
        ATOM("application/atom+xml; charset=utf-8"),
        JSON("application/json; charset=utf-8");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** {@code xml}, {@code rss}, {@code rss2}, {@code atom}, {@code atom1}, {@code json}, {@code json1}. */
        static Format parse(String name) {
            return switch (name == null ? "" : name) {
                case "xml", "rss", "rss2" -> RSS;
                case "atom", "atom1" -> ATOM;
                case "json", "json1" -> JSON;
                default -> throw Problem.invalidParam("format",
                        "format must be one of xml, rss, rss2, atom, atom1, json, json1");
            };
        }
    }

    /** The feed as a whole: {@code link} is the page it follows, {@code feedUrl} the feed's own address. */
    record Meta(String title, String description, String link, String feedUrl, String imageUrl) {
    }

    /** A media file of an item. */
    record Enclosure(String url, String type, long size, int height, int fps, int duration) {
    }

    /** One entry; {@code text} is its description as plain text, {@code playerUrl} its embed page. */
    record Item(String id, String title, String link, String text, Instant published, Instant updated,
                String authorName, String authorUrl, String imageUrl, String playerUrl, List<Enclosure> enclosures) {
        Item {
            enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        }
    }

    static String render(Format format, Meta meta, List<Item> items) {
        try {
            return switch (format) {
                case RSS -> rss(meta, items);
                case ATOM -> atom(meta, items);
                case JSON -> json(meta, items);
            };
        } catch (XMLStreamException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write feed", e);
        }
    }

    static String rss(Meta meta, List<Item> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("rss");
        w.writeAttribute("version", "2.0");
        w.writeNamespace("media", MEDIA_NS);
        w.writeNamespace("atom", ATOM_NS);
        w.writeNamespace("dc", DC_NS);
        w.writeStartElement("channel");
        text(w, "title", meta.title());
        text(w, "link", meta.link());
        text(w, "description", meta.description() == null ? meta.title() : meta.description());
        w.writeEmptyElement(ATOM_NS, "link");
        w.writeAttribute("href", clean(meta.feedUrl()));
        w.writeAttribute("rel", "self");
        w.writeAttribute("type", "application/rss+xml");
        text(w, "generator", GENERATOR);
        text(w, "lastBuildDate", rfc822(newest(items)));
        if (meta.imageUrl() != null) {
            w.writeStartElement("image");
            text(w, "url", meta.imageUrl());
            text(w, "title", meta.title());
            text(w, "link", meta.link());
            w.writeEndElement();
        }
        for (Item item : items) {
            w.writeStartElement("item");
            text(w, "title", item.title());
            text(w, "link", item.link());
            w.writeStartElement("guid");
            w.writeAttribute("isPermaLink", "false");
            w.writeCharacters(clean(item.id()));
            w.writeEndElement();
            text(w, "pubDate", rfc822(item.published()));
            text(w, "description", item.text());
            if (item.authorName() != null) {
                text(w, DC_NS, "creator", item.authorName());
            }
            if (!item.enclosures().isEmpty()) {
                Enclosure best = item.enclosures().get(0);
                w.writeEmptyElement("enclosure");
                w.writeAttribute("url", clean(best.url()));
                w.writeAttribute("length", Long.toString(best.size()));
                w.writeAttribute("type", best.type());
                media(w, item);
            }
            if (item.imageUrl() != null) {
                w.writeEmptyElement(MEDIA_NS, "thumbnail");
                w.writeAttribute("url", clean(item.imageUrl()));
            }
            text(w, MEDIA_NS, "title", item.title());
            if (item.text() != null) {
                w.writeStartElement(MEDIA_NS, "description");
                w.writeAttribute("type", "plain");
                w.writeCharacters(clean(item.text()));
                w.writeEndElement();
            }
            if (item.playerUrl() != null) {
                w.writeEmptyElement(MEDIA_NS, "player");
                w.writeAttribute("url", clean(item.playerUrl()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toString();
    }

    /** Every rendition as a {@code media:content} of one {@code media:group}, the best one the default. */
    private static void media(XMLStreamWriter w, Item item) throws XMLStreamException {
        w.writeStartElement(MEDIA_NS, "group");
        boolean first = true;
        for (Enclosure e : item.enclosures()) {
            w.writeEmptyElement(MEDIA_NS, "content");
            w.writeAttribute("url", clean(e.url()));
            w.writeAttribute("fileSize", Long.toString(e.size()));
            w.writeAttribute("type", e.type());
            w.writeAttribute("medium", e.type().startsWith("audio/") ? "audio" : "video");
            if (e.height() > 0) {
                w.writeAttribute("height", Integer.toString(e.height()));
            }
            if (e.fps() > 0) {
                w.writeAttribute("framerate", Integer.toString(e.fps()));
            }
            if (e.duration() > 0) {
                w.writeAttribute("duration", Integer.toString(e.duration()));
            }
            if (first) {
                w.writeAttribute("isDefault", "true");
                first = false;
            }
        }
        w.writeEndElement();
    }

    static String atom(Meta meta, List<Item> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(ATOM_NS);
        w.writeStartElement(ATOM_NS, "feed");
        w.writeDefaultNamespace(ATOM_NS);
        w.writeNamespace("media", MEDIA_NS);
        text(w, ATOM_NS, "id", meta.feedUrl());
        text(w, ATOM_NS, "title", meta.title());
        if (meta.description() != null) {
            text(w, ATOM_NS, "subtitle", meta.description());
        }
        text(w, ATOM_NS, "updated", iso(newest(items)));
        link(w, "alternate", meta.link(), "text/html", -1);
        link(w, "self", meta.feedUrl(), "application/atom+xml", -1);
        text(w, ATOM_NS, "generator", GENERATOR);
        if (meta.imageUrl() != null) {
            text(w, ATOM_NS, "icon", meta.imageUrl());
        }
        for (Item item : items) {
            w.writeStartElement(ATOM_NS, "entry");
            text(w, ATOM_NS, "id", item.id());
            text(w, ATOM_NS, "title", item.title());
            text(w, ATOM_NS, "published", iso(item.published()));
            text(w, ATOM_NS, "updated", iso(item.updated() == null ? item.published() : item.updated()));
            link(w, "alternate", item.link(), "text/html", -1);
            if (item.authorName() != null) {
                w.writeStartElement(ATOM_NS, "author");
                text(w, ATOM_NS, "name", item.authorName());
                if (item.authorUrl() != null) {
                    text(w, ATOM_NS, "uri", item.authorUrl());
                }
                w.writeEndElement();
            }
            if (item.text() != null) {
                w.writeStartElement(ATOM_NS, "summary");
                w.writeAttribute("type", "text");
                w.writeCharacters(clean(item.text()));
                w.writeEndElement();
            }
            for (Enclosure e : item.enclosures()) {
                link(w, "enclosure", e.url(), e.type(), e.size());
            }
            if (!item.enclosures().isEmpty()) {
                media(w, item);
            }
            if (item.imageUrl() != null) {
                w.writeEmptyElement(MEDIA_NS, "thumbnail");
                w.writeAttribute("url", clean(item.imageUrl()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toString();
    }

    static String json(Meta meta, List<Item> items) throws JsonProcessingException {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1");
        feed.put("title", meta.title());
        feed.put("home_page_url", meta.link());
        feed.put("feed_url", meta.feedUrl());
        if (meta.description() != null) {
            feed.put("description", meta.description());
        }
        if (meta.imageUrl() != null) {
            feed.put("icon", meta.imageUrl());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", item.id());
            e.put("url", item.link());
            e.put("title", item.title());
            e.put("content_text", item.text() == null ? "" : item.text());
            if (item.imageUrl() != null) {
                e.put("image", item.imageUrl());
            }
            e.put("date_published", iso(item.published()));
            e.put("date_modified", iso(item.updated() == null ? item.published() : item.updated()));
            if (item.authorName() != null) {
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("name", item.authorName());
                author.put("url", item.authorUrl());
                e.put("author", author);
            }
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (Enclosure enc : item.enclosures()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("url", enc.url());
                a.put("mime_type", enc.type());
                a.put("size_in_bytes", enc.size());
                if (enc.duration() > 0) {
                    a.put("duration_in_seconds", enc.duration());
                }
                attachments.add(a);
            }
            if (!attachments.isEmpty()) {
                e.put("attachments", attachments);
            }
            entries.add(e);
        }
        feed.put("items", entries);
        return Json.mapper().writeValueAsString(feed);
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type, long length)
            throws XMLStreamException {
        if (href == null) {
            return;
        }
        w.writeEmptyElement(ATOM_NS, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", clean(href));
        w.writeAttribute("type", type);
        if (length >= 0) {
            w.writeAttribute("length", Long.toString(length));
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    /** {@code value} without the characters XML 1.0 forbids even escaped (most C0 controls, lone surrogates). */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                b.append(c).append(value.charAt(++i));
            } else if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The latest change of the items: a feed's date that only moves with them, so that its ETag holds. */
    static Instant newest(List<Item> items) {
        return items.stream().map(i -> i.updated() == null ? i.published() : i.updated())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    static String rfc822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format((at == null ? Instant.EPOCH : at).atOffset(ZoneOffset.UTC));
    }

    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at == null ? Instant.EPOCH : at);
    }
}
