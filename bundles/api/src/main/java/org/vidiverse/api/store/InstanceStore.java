package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.RemoteInstance;

/** The instances (servers) this one knows of, including itself. */
@org.osgi.annotation.versioning.ProviderType
public interface InstanceStore {

    /** Returns the row for {@code host}, creating it on first sight. Hosts are stored lower case. */
    RemoteInstance findOrCreate(String host);

    Optional<RemoteInstance> find(String host);

    List<RemoteInstance> list();

    /**
     * Blocks or unblocks a host as a local decision. Blocking an unblocked host records no reason; unblocking
     * clears the block's reason and source, and when a subscribed moderation feed had applied the block, records
     * the moderator's override so that no sync blocks it again.
     */
    void setBlocked(String host, boolean blocked);

    /**
     * Blocks a host as a local decision, with a reason (null for none).
     *
     * @throws DuplicateException if the host is blocked already
     * @since 1.4
     */
    default void block(String host, String reason) {
        if (find(host).map(RemoteInstance::blocked).orElse(false)) {
            throw new DuplicateException("block of " + host);
        }
        setBlocked(host, true);
    }
}
