package org.vidiverse.rest.internal;

import java.util.Map;

import org.vidiverse.api.model.InvalidInputException;

/** Typed reads of a JSON body, each wrong type a 400 naming the field. */
final class Body {
    private final Map<String, Object> fields;

    Body(Map<String, Object> fields) {
        if (fields == null) {
            throw new InvalidInputException("body", "a JSON object body is required");
        }
        this.fields = fields;
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    String string(String name, int maxLength) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(name, name + " must be a string");
        }
        if (text.length() > maxLength) {
            throw new InvalidInputException(name, name + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    String requiredString(String name, int maxLength) {
        String value = string(name, maxLength);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, name + " is required");
        }
        return value;
    }

    Long integer(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new InvalidInputException(name, name + " must be an integer");
    }

    Boolean bool(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        throw new InvalidInputException(name, name + " must be a boolean");
    }
}
