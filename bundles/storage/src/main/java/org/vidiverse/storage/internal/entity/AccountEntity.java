package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * An account: the person behind channels. Its id is the id of its actor (assigned, not generated), so account
 * ids, channel ids and actor ids never disagree.
 */
@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @Column(name = "id")
    private long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "actor_id", nullable = false, unique = true)
    private ActorEntity actor;

    @OneToOne
    @JoinColumn(name = "user_id", unique = true)
    private UserEntity user;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "description", length = 1000)
    private String description;

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
    public UserEntity getUser() { return user; }
    public void setUser(UserEntity user) { this.user = user; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
