package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/** Accounts and their channels, local and remote. */
@org.osgi.annotation.versioning.ProviderType
public interface ChannelStore {

    /** Sort fields that {@link #listChannels} and {@link #channelsOf(long, PageRequest)} understand. */
    Set<String> CHANNEL_SORT_FIELDS = Set.of("createdAt", "updatedAt", "name", "displayName");

    /** PeerTube's rule for local actor names: 1 to 50 of {@code a-z A-Z 0-9 - _ . :}. */
    String ACTOR_NAME_PATTERN = "[a-zA-Z0-9\\-_.:]{1,50}";

    Optional<Account> findAccount(long id);

    /** A local account by its name (the same as its user's username). */
    Optional<Account> findLocalAccount(String name);

    Optional<Channel> findChannel(long id);

    Optional<Channel> findLocalChannel(String name);

    List<Channel> channelsOf(long accountId);

    /**
     * An account by its handle: {@code name} or {@code name@host}, local when the host is this instance's.
     * Names match regardless of case; a malformed handle finds nothing.
     */
    Optional<Account> findAccountByHandle(String handle);

    /** A channel by its handle, with the rules of {@link #findAccountByHandle}. */
    Optional<Channel> findChannelByHandle(String handle);

    /** Every channel, local and remote. @throws IllegalArgumentException on a sort not in CHANNEL_SORT_FIELDS */
    Page<Channel> listChannels(PageRequest page);

    /** One page of an account's channels. @throws IllegalArgumentException on an unknown sort */
    Page<Channel> channelsOf(long accountId, PageRequest page);

    /**
     * Creates a local channel with its Group actor for a local account.
     *
     * @throws org.vidiverse.api.model.InvalidInputException when the name breaks {@link #ACTOR_NAME_PATTERN}
     * @throws DuplicateException when a local account or channel already has the name (regardless of case)
     * @throws NotFoundException when the account does not exist or is not local
     */
    Channel createChannel(long accountId, String name, String displayName, String description, String support);

    /** Changes the given fields; {@code null} leaves a field as it is, an empty string clears it. */
    Channel updateChannel(long channelId, String displayName, String description, String support);

    /**
     * Removes a channel, its actor, the follows to and from it and the playlists shown on it.
     *
     * @throws NotFoundException when it does not exist
     * @throws IllegalStateException when it is its account's last channel or still has videos: delete those first
     */
    void deleteChannel(long channelId);

    long countAccounts();

    long countChannels();
}
