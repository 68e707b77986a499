package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * Abuse reports and their messages, as PeerTube keeps them. A report records, besides the ids of what it names,
 * their names at the time, so deleting a video, comment or account never touches or breaks a report.
 * Sort fields: {@code id}, {@code createdAt}, {@code state}.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface AbuseStore {
    int MAX_REASON_LENGTH = 3000;
    int MAX_MESSAGE_LENGTH = 3000;

    /**
     * Records a report, state pending.
     *
     * @throws NotFoundException if the reporter or what is reported does not exist
     * @throws org.vidiverse.api.model.InvalidInputException if the reason is shorter than 2 or longer than
     *         {@link #MAX_REASON_LENGTH} characters, or {@code endAt} is before {@code startAt}
     */
    Abuse create(NewAbuse abuse);

    Optional<Abuse> find(long id);

    /** The report received in the Flag activity {@code flagUrl}, if any. */
    Optional<Abuse> findByFlagUrl(String flagUrl);

    Page<Abuse> list(AbuseQuery query, PageRequest page);

    /**
     * Sets the state and/or the moderation comment; a {@code null} leaves that one as it is.
     *
     * @throws NotFoundException if there is no such report
     */
    Abuse update(long id, AbuseState state, String moderationComment);

    /** Deletes a report with its messages; returns whether there was one. */
    boolean delete(long id);

    /**
     * Adds a message to a report.
     *
     * @throws NotFoundException if the report or the account does not exist
     * @throws org.vidiverse.api.model.InvalidInputException if the message is empty or too long
     */
    AbuseMessage addMessage(long abuseId, long accountId, String message, boolean byModerator);

    /** A report's messages, oldest first. */
    List<AbuseMessage> messages(long abuseId);

    Optional<AbuseMessage> findMessage(long abuseId, long messageId);

    boolean deleteMessage(long abuseId, long messageId);
}
