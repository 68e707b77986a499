package org.vidiverse.web.internal;

import java.util.Optional;

/** index.html for each page: the same document, with the head tags of watch and embed pages put in. */
final class Pages {
    static final String MARKER = "<!--vid:head-->";

    private final WebRoot root;
    private final PageHead head;

    Pages(WebRoot root, PageHead head) {
        this.root = root;
        this.head = head;
    }

    Optional<Asset> page(String path) {
        String tags = head.tags(path);
        if (tags.isEmpty()) {
            return root.get(WebRoot.INDEX);
        }
        return root.indexHtml().map(html -> Asset.html(insert(html, tags)));
    }

    static String insert(String html, String tags) {
        int at = html.indexOf(MARKER);
        if (at < 0) {
            at = html.indexOf("</head>");
            return at < 0 ? html : html.substring(0, at) + tags + html.substring(at);
        }
        return html.substring(0, at) + tags + html.substring(at + MARKER.length());
    }
}
