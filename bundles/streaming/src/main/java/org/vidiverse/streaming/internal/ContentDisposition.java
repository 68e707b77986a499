package org.vidiverse.streaming.internal;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a readable name (RFC 6266): an ASCII {@code filename} for old
 * clients and the exact UTF-8 name in {@code filename*} (RFC 8187).
 */
final class ContentDisposition {
    private static final int MAX_NAME = 200;
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    /** PeerTube's download name: {@code {video name}-{resolution}p{extname}}, made safe for a file system. */
    static String downloadName(String videoName, int resolution, String extname) {
        String ext = extname == null ? "" : extname.startsWith(".") ? extname : "." + extname;
        String base = clean(videoName == null ? "" : videoName);
        if (base.isEmpty()) {
            base = "video";
        }
        if (base.length() > MAX_NAME) {
            base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, MAX_NAME))).trim();
        }
        return base + "-" + resolution + "p" + clean(ext);
    }

    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** Without control characters, path separators and the characters file systems refuse. */
    private static String clean(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%'
                ? (char) cp : '_'));
        return out.toString();
    }

    /** RFC 8187 value characters: attr-char as is, every other byte of the UTF-8 form as %XX. */
    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
