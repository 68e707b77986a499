package org.vidiverse.api.store;

import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * Block lists of accounts. The ids are account ids ({@code Account.id()}, the same as their actor's); the instance's
 * own list is the one of {@link ActorStore#instanceActor()}.
 *
 * @since 1.3
 */
@org.osgi.annotation.versioning.ProviderType
public interface AccountBlockStore {

    /**
     * Adds {@code targetAccountId} to the block list of {@code byAccountId}.
     *
     * @throws DuplicateException if it is on the list already
     * @throws NotFoundException if either account does not exist
     * @throws IllegalArgumentException if an account would block itself
     */
    AccountBlock block(long byAccountId, long targetAccountId);

    /**
     * As {@link #block(long, long)}, recording why (null for no reason); a local decision.
     *
     * @since 1.4
     */
    default AccountBlock block(long byAccountId, long targetAccountId, String reason) {
        return block(byAccountId, targetAccountId);
    }

    /**
     * Removes a block; returns whether there was one. Removing one of the instance's blocks that a subscribed
     * moderation feed applied records the override, so that no sync blocks the account again.
     */
    boolean unblock(long byAccountId, long targetAccountId);

    boolean isBlocked(long byAccountId, long targetAccountId);

    /** The block list of an account, newest first. */
    Page<AccountBlock> blockedBy(long byAccountId, PageRequest page);
}
