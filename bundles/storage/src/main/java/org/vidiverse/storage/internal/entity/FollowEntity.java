package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import org.vidiverse.api.model.FollowState;

/**
 * One actor following another (PeerTube's {@code actorFollow}); a pair follows at most once, and the url (the id of
 * the Follow activity) names one follow.
 */
@Entity
@Table(name = "actor_follow",
        uniqueConstraints = {
                @UniqueConstraint(name = "uq_actor_follow_pair", columnNames = {"follower_id", "following_id"}),
                @UniqueConstraint(name = "uq_actor_follow_url", columnNames = "url")},
        indexes = @Index(name = "idx_follow_following", columnList = "following_id"))
public class FollowEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "follower_id", nullable = false)
    private ActorEntity follower;

    @ManyToOne(optional = false)
    @JoinColumn(name = "following_id", nullable = false)
    private ActorEntity following;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private FollowState state;

    @Column(name = "url", length = 1000)
    private String url;

    @Column(name = "created_at", nullable = false)
    @javax.persistence.Temporal(javax.persistence.TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "updated_at", nullable = false)
    @javax.persistence.Temporal(javax.persistence.TemporalType.TIMESTAMP)
    private Date updatedAt;

    public long getId() { return id; }
    public ActorEntity getFollower() { return follower; }
    public void setFollower(ActorEntity follower) { this.follower = follower; }
    public ActorEntity getFollowing() { return following; }
    public void setFollowing(ActorEntity following) { this.following = following; }
    public FollowState getState() { return state; }
    public void setState(FollowState state) { this.state = state; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
