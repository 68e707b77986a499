package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;

/** Accounts and their channels, local and remote. */
@org.osgi.annotation.versioning.ProviderType
public interface ChannelStore {

    Optional<Account> findAccount(long id);

    /** A local account by its name (the same as its user's username). */
    Optional<Account> findLocalAccount(String name);

    Optional<Channel> findChannel(long id);

    Optional<Channel> findLocalChannel(String name);

    List<Channel> channelsOf(long accountId);

    long countAccounts();

    long countChannels();
}
