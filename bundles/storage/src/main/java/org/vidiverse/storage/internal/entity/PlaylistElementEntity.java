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
 * One place in a playlist (PeerTube's {@code videoPlaylistElement}). {@code video} becomes {@code null} when the
 * video is deleted, so the place stays and clients show it as deleted, as in PeerTube. Positions are not unique in
 * the schema: moving a block shifts many rows in one statement; the store keeps them dense by serialising the
 * writers of one playlist on its row.
 */
@Entity
@Table(name = "video_playlist_element", indexes = {
        @Index(name = "idx_playlist_element_position", columnList = "playlist_id,position"),
        @Index(name = "idx_playlist_element_video", columnList = "video_id")})
public class PlaylistElementEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "playlist_id", nullable = false)
    private PlaylistEntity playlist;

    @ManyToOne
    @JoinColumn(name = "video_id")
    private VideoEntity video;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "start_timestamp")
    private Integer startTimestamp;

    @Column(name = "stop_timestamp")
    private Integer stopTimestamp;

    @Column(name = "url", length = 1000)
    private String url;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public PlaylistEntity getPlaylist() { return playlist; }
    public void setPlaylist(PlaylistEntity playlist) { this.playlist = playlist; }
    public VideoEntity getVideo() { return video; }
    public void setVideo(VideoEntity video) { this.video = video; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public Integer getStartTimestamp() { return startTimestamp; }
    public void setStartTimestamp(Integer startTimestamp) { this.startTimestamp = startTimestamp; }
    public Integer getStopTimestamp() { return stopTimestamp; }
    public void setStopTimestamp(Integer stopTimestamp) { this.stopTimestamp = stopTimestamp; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
