package org.vidiverse.sample.supporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.monetization.SupportLink;

/**
 * The support links of channels, read from configuration entries {@code channel|label|target} or
 * {@code channel|target} (several in one value when separated by commas, as a {@code .cfg} line gives them). A target starting with {@code $} is a payment pointer, one starting with {@code https://}
 * or {@code http://} a web page; other entries are ignored with a warning. Channel names match ignoring case.
 */
final class LinkCatalogue {
    static final String LINK = "link";
    static final String PAYMENT_POINTER = "payment-pointer";
    private static final Logger LOG = LoggerFactory.getLogger(LinkCatalogue.class);

    private final Map<String, List<SupportLink>> byChannel;

    private LinkCatalogue(Map<String, List<SupportLink>> byChannel) {
        this.byChannel = byChannel;
    }

    static LinkCatalogue parse(String[] entries) {
        Map<String, List<SupportLink>> byChannel = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            // several entries in one value (a .cfg line): separated by commas that start a new "channel|"
            all.addAll(List.of(entry.split(",\\s*(?=[^|,\\s]+\\|)")));
        }
        for (String entry : all) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
                LOG.warn("Ignored support link entry \"{}\": expected channel|label|target or channel|target", entry);
                continue;
            }
            String target = parts[parts.length - 1].trim();
            String label = parts.length == 3 && !parts[1].isBlank() ? parts[1].trim() : null;
            String kind = kindOf(target);
            if (kind == null) {
                LOG.warn("Ignored support link entry \"{}\": the target is neither a web address nor a $ pointer",
                        entry);
                continue;
            }
            if (label == null) {
                label = kind.equals(LINK) ? "Support" : "Payment pointer";
            }
            byChannel.computeIfAbsent(key(parts[0]), k -> new ArrayList<>()).add(new SupportLink(kind, label, target));
        }
        byChannel.replaceAll((k, v) -> List.copyOf(v));
        return new LinkCatalogue(Map.copyOf(byChannel));
    }

    private static String kindOf(String target) {
        if (target.startsWith("$") && target.length() > 1 && !target.contains(" ")) {
            return PAYMENT_POINTER;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !target.contains(" ") ? LINK : null;
    }

    private static String key(String channel) {
        return channel.trim().toLowerCase(Locale.ROOT);
    }

    List<SupportLink> of(String channel) {
        return byChannel.getOrDefault(key(channel), List.of());
    }

    /** Where to become a supporter: the first web page, else the first pointer. */
    Optional<String> supportUrl(String channel) {
        List<SupportLink> links = of(channel);
        return links.stream().filter(l -> l.kind().equals(LINK)).findFirst()
                .or(() -> links.stream().findFirst()).map(SupportLink::target);
    }
}
