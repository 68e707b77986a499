package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Lob;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import org.vidiverse.api.model.ActorType;

/**
 * An ActivityPub actor: a person (account), a group (channel) or the instance's application actor.
 * {@code server} is {@code null} for local actors, as in PeerTube. {@code handleKey} is the lower-cased
 * preferred username plus {@code @host} ({@code @} alone for local actors): unique, so that names are unique per
 * host regardless of case even where the database treats {@code NULL} server ids as distinct.
 */
@Entity
@Table(name = "actor")
public class ActorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, length = 20)
    private ActorType type;

    @Column(name = "preferred_username", nullable = false, length = 255)
    private String preferredUsername;

    @Column(name = "handle_key", nullable = false, unique = true, length = 512)
    private String handleKey;

    @Column(name = "url", nullable = false, unique = true, length = 1000)
    private String url;

    @ManyToOne
    @JoinColumn(name = "server_id")
    private ServerEntity server;

    @Lob
    @Column(name = "public_key")
    private String publicKey;

    @Lob
    @Column(name = "private_key")
    private String privateKey;

    @Column(name = "inbox_url", length = 1000)
    private String inboxUrl;

    @Column(name = "shared_inbox_url", length = 1000)
    private String sharedInboxUrl;

    @Column(name = "outbox_url", length = 1000)
    private String outboxUrl;

    @Column(name = "followers_url", length = 1000)
    private String followersUrl;

    @Column(name = "following_url", length = 1000)
    private String followingUrl;

    @Column(name = "followers_count", nullable = false)
    private long followersCount;

    @Column(name = "following_count", nullable = false)
    private long followingCount;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public ActorType getType() { return type; }
    public void setType(ActorType type) { this.type = type; }
    public String getPreferredUsername() { return preferredUsername; }
    public void setPreferredUsername(String preferredUsername) { this.preferredUsername = preferredUsername; }
    public String getHandleKey() { return handleKey; }
    public void setHandleKey(String handleKey) { this.handleKey = handleKey; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public ServerEntity getServer() { return server; }
    public void setServer(ServerEntity server) { this.server = server; }
    public boolean isLocal() { return server == null; }
    public String getPublicKey() { return publicKey; }
    public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
    public String getPrivateKey() { return privateKey; }
    public void setPrivateKey(String privateKey) { this.privateKey = privateKey; }
    public String getInboxUrl() { return inboxUrl; }
    public void setInboxUrl(String inboxUrl) { this.inboxUrl = inboxUrl; }
    public String getSharedInboxUrl() { return sharedInboxUrl; }
    public void setSharedInboxUrl(String sharedInboxUrl) { this.sharedInboxUrl = sharedInboxUrl; }
    public String getOutboxUrl() { return outboxUrl; }
    public void setOutboxUrl(String outboxUrl) { this.outboxUrl = outboxUrl; }
    public String getFollowersUrl() { return followersUrl; }
    public void setFollowersUrl(String followersUrl) { this.followersUrl = followersUrl; }
    public String getFollowingUrl() { return followingUrl; }
    public void setFollowingUrl(String followingUrl) { this.followingUrl = followingUrl; }
    public long getFollowersCount() { return followersCount; }
    public void setFollowersCount(long followersCount) { this.followersCount = followersCount; }
    public long getFollowingCount() { return followingCount; }
    public void setFollowingCount(long followingCount) { this.followingCount = followingCount; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
