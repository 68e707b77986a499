package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/**
 * An instance on a local account's block list (PeerTube's {@code serverBlocklist} of a user). The host is kept as
 * text rather than as a server row: a user may block an instance this one never heard of.
 */
@Entity
@Table(name = "account_server_block",
        uniqueConstraints = @UniqueConstraint(name = "uq_account_server_block", columnNames = {"by_account_id", "host"}))
public class ServerBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "by_account_id", nullable = false)
    private AccountEntity byAccount;

    @Column(name = "host", nullable = false, length = 255)
    private String host;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    public long getId() { return id; }
    public AccountEntity getByAccount() { return byAccount; }
    public void setByAccount(AccountEntity byAccount) { this.byAccount = byAccount; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
}
