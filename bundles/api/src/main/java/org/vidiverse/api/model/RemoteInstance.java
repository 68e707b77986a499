package org.vidiverse.api.model;

import java.time.Instant;

/** Another instance this one knows of, and whether it is blocked. */
public record RemoteInstance(long id, String host, boolean blocked, boolean redundancyAllowed, Instant createdAt) {
}
