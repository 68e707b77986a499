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

/**
 * A comment (PeerTube's {@code videoComment}). A thread's first comment has neither {@code thread} nor
 * {@code inReplyTo}; replies point to both. A deleted comment keeps its row (with {@code deletedAt}) so the
 * thread stays whole, as PeerTube does. Comments are looked up by url (their ActivityPub id); it is not a unique
 * column because a local comment gets its url after the insert that gives it its id (and Derby lets a unique
 * column hold one NULL only).
 */
@Entity
@Table(name = "video_comment",
        indexes = {@Index(name = "idx_comment_video_created", columnList = "video_id,created_at"),
                @Index(name = "idx_comment_url", columnList = "url")})
public class CommentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private VideoEntity video;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private AccountEntity account;

    @ManyToOne
    @JoinColumn(name = "origin_comment_id")
    private CommentEntity thread;

    @ManyToOne
    @JoinColumn(name = "in_reply_to_comment_id")
    private CommentEntity inReplyTo;

    @Lob
    @Column(name = "comment_text", nullable = false)
    private String text;

    @Column(name = "url", length = 1000)
    private String url;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "deleted_at")
    private Date deletedAt;

    /** Whether the comment waits for approval; {@code null} on rows older than the column counts as not held. */
    @Column(name = "held_for_review")
    private Boolean heldForReview;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public VideoEntity getVideo() { return video; }
    public void setVideo(VideoEntity video) { this.video = video; }
    public AccountEntity getAccount() { return account; }
    public void setAccount(AccountEntity account) { this.account = account; }
    public CommentEntity getThread() { return thread; }
    public void setThread(CommentEntity thread) { this.thread = thread; }
    public CommentEntity getInReplyTo() { return inReplyTo; }
    public void setInReplyTo(CommentEntity inReplyTo) { this.inReplyTo = inReplyTo; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Date getDeletedAt() { return deletedAt; }
    public void setDeletedAt(Date deletedAt) { this.deletedAt = deletedAt; }
    public boolean isHeldForReview() { return Boolean.TRUE.equals(heldForReview); }
    public void setHeldForReview(boolean heldForReview) { this.heldForReview = heldForReview; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
