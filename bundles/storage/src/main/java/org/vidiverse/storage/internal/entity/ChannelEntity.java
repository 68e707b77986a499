package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.OneToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A video channel (an ActivityPub Group) owned by an account. Its id is the id of its actor. */
@Entity
@Table(name = "video_channel")
public class ChannelEntity {
    @Id
    @Column(name = "id")
    private long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "actor_id", nullable = false, unique = true)
    private ActorEntity actor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private AccountEntity account;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "support", length = 1000)
    private String support;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public ActorEntity getActor() { return actor; }
    /** Sets the actor and takes its id: the actor must have been flushed. */
    public void setActor(ActorEntity actor) { this.actor = actor; this.id = actor.getId(); }
    public AccountEntity getAccount() { return account; }
    public void setAccount(AccountEntity account) { this.account = account; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSupport() { return support; }
    public void setSupport(String support) { this.support = support; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
