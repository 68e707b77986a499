package org.vidiverse.federation.internal.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.vidiverse.federation.internal.http.HttpSignatures.SignatureException;

/**
 * Splits a Signature header value into its parameters. Servers differ in small ways (spaces after commas, unquoted
 * numbers, case of names), so this is lenient about form but strict about ambiguity: a parameter given twice or an
 * unterminated quote is an error rather than a guess.
 */
final class SignatureParams {
    private final String text;
    private int pos;

    private SignatureParams(String text) {
        this.text = text;
    }

    /** Parameter names lower-cased to values, quotes removed and {@code \x} escapes resolved. */
    static Map<String, String> parse(String value) throws SignatureException {
        return new SignatureParams(value).all();
    }

    private Map<String, String> all() throws SignatureException {
        Map<String, String> params = new HashMap<>();
        while (true) {
            skipWhile(" \t,");
            if (pos >= text.length()) {
                return params;
            }
            String name = name();
            skipWhile(" \t");
            String value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : token();
            if (params.putIfAbsent(name, value) != null) {
                throw new SignatureException("duplicate parameter " + name);
            }
        }
    }

    private String name() throws SignatureException {
        int equals = text.indexOf('=', pos);
        int comma = text.indexOf(',', pos);
        if (equals < 0 || (comma >= 0 && comma < equals)) {
            throw new SignatureException("malformed signature parameter at " + pos);
        }
        String name = text.substring(pos, equals).trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new SignatureException("malformed signature parameter at " + pos);
        }
        pos = equals + 1;
        return name;
    }

    private String quoted() throws SignatureException {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw new SignatureException("unterminated quoted value");
    }

    private String token() {
        int end = text.indexOf(',', pos);
        if (end < 0) {
            end = text.length();
        }
        String value = text.substring(pos, end).trim();
        pos = end;
        return value;
    }

    private void skipWhile(String chars) {
        while (pos < text.length() && chars.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
