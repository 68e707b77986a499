package org.vidiverse.rest.internal;

import org.vidiverse.rest.api.Problem;

/** Query parameters as PeerTube's API reads them. */
final class QueryParams {
    private QueryParams() {
    }

    /** {@code true} or {@code false}; {@code null} when absent or blank; 400 naming {@code name} otherwise. */
    static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problem.invalidParam(name, name + " must be true or false");
        };
    }
}
