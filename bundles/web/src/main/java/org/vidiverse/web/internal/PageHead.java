package org.vidiverse.web.internal;

/** Tags a page adds to index.html's head so that crawlers and embedders see it without running scripts. */
@FunctionalInterface
interface PageHead {
    PageHead NONE = path -> "";

    /** @return HTML for the head of the page at {@code path} (escaped), or "" */
    String tags(String path);
}
