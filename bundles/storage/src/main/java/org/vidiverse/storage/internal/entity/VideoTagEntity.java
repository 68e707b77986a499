package org.vidiverse.storage.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One tag of one video. A row per (video, tag) rather than an element collection: it has its own index on the
 * name, which searching videos by tag needs, and it is deleted with a plain bulk delete.
 */
@Entity
@Table(name = "video_tag",
        uniqueConstraints = @UniqueConstraint(name = "uq_video_tag", columnNames = {"video_id", "name"}),
        indexes = @Index(name = "idx_video_tag_name", columnList = "name"))
public class VideoTagEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private VideoEntity video;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    /** Tags keep the order they were given in; ids do not, as the provider may reorder inserts. */
    @Column(name = "position", nullable = false)
    private int position;

    public long getId() { return id; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public VideoEntity getVideo() { return video; }
    public void setVideo(VideoEntity video) { this.video = video; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
