package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.Lob;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A video's metadata and counters. Privacy and state hold PeerTube's numeric ids. */
@Entity
@Table(name = "video", indexes = {
        @Index(name = "idx_video_published_at", columnList = "published_at"),
        @Index(name = "idx_video_created_at", columnList = "created_at"),
        @Index(name = "idx_video_views", columnList = "views"),
        @Index(name = "idx_video_privacy_state", columnList = "privacy,state"),
        @Index(name = "idx_video_channel", columnList = "channel_id")})
public class VideoEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "uuid", nullable = false, unique = true, length = 36)
    private String uuid;

    @Column(name = "short_uuid", nullable = false, unique = true, length = 32)
    private String shortUuid;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Lob
    @Column(name = "description")
    private String description;

    @Column(name = "support", length = 1000)
    private String support;

    @Column(name = "privacy", nullable = false)
    private int privacy;

    @Column(name = "state", nullable = false)
    private int state;

    @Column(name = "duration", nullable = false)
    private int duration;

    @Column(name = "category")
    private Integer category;

    @Column(name = "licence")
    private Integer licence;

    @Column(name = "language", length = 20)
    private String language;

    @Column(name = "nsfw", nullable = false)
    private boolean nsfw;

    @Column(name = "comments_enabled", nullable = false)
    private boolean commentsEnabled;

    @Column(name = "download_enabled", nullable = false)
    private boolean downloadEnabled;

    @Column(name = "wait_transcoding", nullable = false)
    private boolean waitTranscoding;

    @Column(name = "views", nullable = false)
    private long views;

    @Column(name = "likes", nullable = false)
    private long likes;

    @Column(name = "dislikes", nullable = false)
    private long dislikes;

    @Column(name = "comments_count", nullable = false)
    private long commentsCount;

    @Column(name = "is_local", nullable = false)
    private boolean local;

    @Column(name = "url", nullable = false, unique = true, length = 1000)
    private String url;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id", nullable = false)
    private ChannelEntity channel;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "published_at", nullable = false)
    private Date publishedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "originally_published_at")
    private Date originallyPublishedAt;

    /** Bytes of the uploaded original while it waits for its renditions; it counts against the owner's quota. */
    @Column(name = "source_size")
    private Long sourceSize;

    /** A remote video's thumbnail on its origin; local videos have theirs in the media storage. */
    @Column(name = "thumbnail_url", length = 1000)
    private String thumbnailUrl;

    @Column(name = "preview_url", length = 1000)
    private String previewUrl;

    /** PeerTube's comments policy 3; {@code null} on rows older than the column counts as not required. */
    @Column(name = "comments_require_approval")
    private Boolean commentsRequireApproval;

    /** PeerTube's blacklist type (1 manual, 2 automatic) while the video is blocked, else {@code null}. */
    @Column(name = "blacklist_type")
    private Integer blacklistType;

    @Column(name = "blacklist_reason", length = 1000)
    private String blacklistReason;

    @Column(name = "blacklist_unfederated")
    private Boolean blacklistUnfederated;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "blacklisted_at")
    private Date blacklistedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "blacklist_updated_at")
    private Date blacklistUpdatedAt;

    public long getId() { return id; }
    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getShortUuid() { return shortUuid; }
    public void setShortUuid(String shortUuid) { this.shortUuid = shortUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSupport() { return support; }
    public void setSupport(String support) { this.support = support; }
    public int getPrivacy() { return privacy; }
    public void setPrivacy(int privacy) { this.privacy = privacy; }
    public int getState() { return state; }
    public void setState(int state) { this.state = state; }
    public int getDuration() { return duration; }
    public void setDuration(int duration) { this.duration = duration; }
    public Integer getCategory() { return category; }
    public void setCategory(Integer category) { this.category = category; }
    public Integer getLicence() { return licence; }
    public void setLicence(Integer licence) { this.licence = licence; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public boolean isNsfw() { return nsfw; }
    public void setNsfw(boolean nsfw) { this.nsfw = nsfw; }
    public boolean isCommentsEnabled() { return commentsEnabled; }
    public void setCommentsEnabled(boolean commentsEnabled) { this.commentsEnabled = commentsEnabled; }
    public boolean isDownloadEnabled() { return downloadEnabled; }
    public void setDownloadEnabled(boolean downloadEnabled) { this.downloadEnabled = downloadEnabled; }
    public boolean isWaitTranscoding() { return waitTranscoding; }
    public void setWaitTranscoding(boolean waitTranscoding) { this.waitTranscoding = waitTranscoding; }
    public long getViews() { return views; }
    public void setViews(long views) { this.views = views; }
    public long getLikes() { return likes; }
    public void setLikes(long likes) { this.likes = likes; }
    public long getDislikes() { return dislikes; }
    public void setDislikes(long dislikes) { this.dislikes = dislikes; }
    public long getCommentsCount() { return commentsCount; }
    public void setCommentsCount(long commentsCount) { this.commentsCount = commentsCount; }
    public boolean isLocal() { return local; }
    public void setLocal(boolean local) { this.local = local; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public ChannelEntity getChannel() { return channel; }
    public void setChannel(ChannelEntity channel) { this.channel = channel; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
    public Date getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Date publishedAt) { this.publishedAt = publishedAt; }
    public Date getOriginallyPublishedAt() { return originallyPublishedAt; }
    public Long getSourceSize() { return sourceSize; }
    public void setSourceSize(Long sourceSize) { this.sourceSize = sourceSize; }
    public void setOriginallyPublishedAt(Date originallyPublishedAt) { this.originallyPublishedAt = originallyPublishedAt; }
    public String getThumbnailUrl() { return thumbnailUrl; }
    public void setThumbnailUrl(String thumbnailUrl) { this.thumbnailUrl = thumbnailUrl; }
    public String getPreviewUrl() { return previewUrl; }
    public void setPreviewUrl(String previewUrl) { this.previewUrl = previewUrl; }
    public boolean isCommentsRequireApproval() { return Boolean.TRUE.equals(commentsRequireApproval); }
    public void setCommentsRequireApproval(boolean required) { this.commentsRequireApproval = required; }
    public Integer getBlacklistType() { return blacklistType; }
    public void setBlacklistType(Integer blacklistType) { this.blacklistType = blacklistType; }
    public String getBlacklistReason() { return blacklistReason; }
    public void setBlacklistReason(String blacklistReason) { this.blacklistReason = blacklistReason; }
    public boolean isBlacklistUnfederated() { return Boolean.TRUE.equals(blacklistUnfederated); }
    public void setBlacklistUnfederated(Boolean blacklistUnfederated) { this.blacklistUnfederated = blacklistUnfederated; }
    public Date getBlacklistedAt() { return blacklistedAt; }
    public void setBlacklistedAt(Date blacklistedAt) { this.blacklistedAt = blacklistedAt; }
    public Date getBlacklistUpdatedAt() { return blacklistUpdatedAt; }
    public void setBlacklistUpdatedAt(Date blacklistUpdatedAt) { this.blacklistUpdatedAt = blacklistUpdatedAt; }
}
