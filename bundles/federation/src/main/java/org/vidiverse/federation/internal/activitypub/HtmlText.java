package org.vidiverse.federation.internal.activitypub;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML other fediverse software puts in {@code content} into the plain text we store: paragraphs and
 * line breaks become new lines, tags go, entities are decoded. Not a sanitizer for HTML we would show: the result
 * is text, rendered as markdown by clients.
 */
final class HtmlText {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</p\\s*>\\s*");
    /** No nested {@code <} in a tag: keeps matching linear on hostile input. */
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String text = BREAK.matcher(html).replaceAll("\n");
        text = PARAGRAPH_END.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        return decodeEntities(text).strip();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.startsWith("#")) {
            boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
            int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "";
        }
        return NAMED.getOrDefault(entity, original);
    }
}
