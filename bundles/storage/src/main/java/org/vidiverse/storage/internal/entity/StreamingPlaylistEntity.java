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

/** The HLS playlist of a video (PeerTube's {@code videoStreamingPlaylist}, type 1 = HLS). */
@Entity
@Table(name = "video_streaming_playlist")
public class StreamingPlaylistEntity {
    /** PeerTube's id for HLS playlists. */
    public static final int TYPE_HLS = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private VideoEntity video;

    @Column(name = "playlist_type", nullable = false)
    private int type = TYPE_HLS;

    @Column(name = "playlist_filename", nullable = false, length = 255)
    private String playlistFilename;

    @Column(name = "segments_sha256_filename", length = 255)
    private String segmentsSha256Filename;

    /** A remote video's master playlist on its origin; {@code null} for the playlists stored here. */
    @Column(name = "playlist_url", length = 1000)
    private String playlistUrl;

    @Column(name = "segments_sha256_url", length = 1000)
    private String segmentsSha256Url;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public VideoEntity getVideo() { return video; }
    public void setVideo(VideoEntity video) { this.video = video; }
    public int getType() { return type; }
    public void setType(int type) { this.type = type; }
    public String getPlaylistFilename() { return playlistFilename; }
    public void setPlaylistFilename(String playlistFilename) { this.playlistFilename = playlistFilename; }
    public String getSegmentsSha256Filename() { return segmentsSha256Filename; }
    public void setSegmentsSha256Filename(String name) { this.segmentsSha256Filename = name; }
    public String getPlaylistUrl() { return playlistUrl; }
    public void setPlaylistUrl(String playlistUrl) { this.playlistUrl = playlistUrl; }
    public String getSegmentsSha256Url() { return segmentsSha256Url; }
    public void setSegmentsSha256Url(String segmentsSha256Url) { this.segmentsSha256Url = segmentsSha256Url; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
