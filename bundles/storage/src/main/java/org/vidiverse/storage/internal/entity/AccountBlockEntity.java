package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/**
 * An account on another account's block list (PeerTube's {@code accountBlocklist}); an account blocks another at
 * most once. The unique pair also serves the "is this one blocked by that one" lookup; the target index serves
 * removing the rows that name a deleted account.
 */
@Entity
@Table(name = "account_block",
        uniqueConstraints = @UniqueConstraint(name = "uq_account_block_pair",
                columnNames = {"by_account_id", "target_account_id"}),
        indexes = @Index(name = "idx_account_block_target", columnList = "target_account_id"))
public class AccountBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "by_account_id", nullable = false)
    private AccountEntity byAccount;

    @ManyToOne(optional = false)
    @JoinColumn(name = "target_account_id", nullable = false)
    private AccountEntity target;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    /** Why, when someone said (schema step 10). */
    @Column(name = "reason", length = 1000)
    private String reason;

    /** The subscribed moderation feed that made the block; null for a local block. */
    @Column(name = "feed_id")
    private Long feedId;

    public long getId() { return id; }
    public AccountEntity getByAccount() { return byAccount; }
    public void setByAccount(AccountEntity byAccount) { this.byAccount = byAccount; }
    public AccountEntity getTarget() { return target; }
    public void setTarget(AccountEntity target) { this.target = target; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getFeedId() { return feedId; }
    public void setFeedId(Long feedId) { this.feedId = feedId; }
}
