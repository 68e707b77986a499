package org.vidiverse.api.monetization;

import java.util.Objects;

/**
 * A way to support a creator shown beside a channel or video.
 *
 * @param kind  {@code link} for a web page, {@code payment-pointer} for a Web Monetization pointer ({@code $...})
 * @param label what people see
 * @param target the URL or pointer
 */
public record SupportLink(String kind, String label, String target) {
    public SupportLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }
}
