package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A whole instance on an account's block list: its videos, comments and accounts are hidden from that account.
 *
 * @param host      the blocked instance, as {@code host[:port]} in lower case
 * @since model 1.3
 */
public record ServerBlock(String host, Instant createdAt) {
}
