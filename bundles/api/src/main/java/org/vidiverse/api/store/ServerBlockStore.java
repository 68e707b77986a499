package org.vidiverse.api.store;

import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.ServerBlock;

/**
 * Instances a local account chose not to see (PeerTube's {@code /users/me/blocklist/servers}). The instance's own
 * server blocks are the {@code blocked} flag of {@link InstanceStore}.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface ServerBlockStore {

    /**
     * @throws DuplicateException if the account blocked the host already
     * @throws NotFoundException  if there is no such account
     */
    ServerBlock block(long byAccountId, String host);

    /** Returns whether there was such a block. */
    boolean unblock(long byAccountId, String host);

    boolean isBlocked(long byAccountId, String host);

    /** The account's blocked instances, newest first. */
    Page<ServerBlock> blockedBy(long byAccountId, PageRequest page);
}
