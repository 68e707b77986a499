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

/**
 * A video playlist (PeerTube's {@code videoPlaylist}). Privacy and type hold PeerTube's numeric ids; {@code channel}
 * is {@code null} for playlists shown on no channel, as the watch later playlist.
 */
@Entity
@Table(name = "video_playlist", indexes = {
        @Index(name = "idx_playlist_owner", columnList = "owner_account_id"),
        @Index(name = "idx_playlist_channel", columnList = "channel_id")})
public class PlaylistEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "uuid", nullable = false, unique = true, length = 36)
    private String uuid;

    @Column(name = "short_uuid", nullable = false, unique = true, length = 32)
    private String shortUuid;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "privacy", nullable = false)
    private int privacy;

    @Column(name = "playlist_type", nullable = false)
    private int type;

    @Column(name = "url", nullable = false, unique = true, length = 1000)
    private String url;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_account_id", nullable = false)
    private AccountEntity owner;

    @ManyToOne
    @JoinColumn(name = "channel_id")
    private ChannelEntity channel;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getShortUuid() { return shortUuid; }
    public void setShortUuid(String shortUuid) { this.shortUuid = shortUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public int getPrivacy() { return privacy; }
    public void setPrivacy(int privacy) { this.privacy = privacy; }
    public int getType() { return type; }
    public void setType(int type) { this.type = type; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public AccountEntity getOwner() { return owner; }
    public void setOwner(AccountEntity owner) { this.owner = owner; }
    public ChannelEntity getChannel() { return channel; }
    public void setChannel(ChannelEntity channel) { this.channel = channel; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
