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
 * A stored rendition. Unlike PeerTube (which leaves {@code videoId} empty on HLS files), {@code video} is always
 * set: every rendition of a video is found with one indexed lookup; {@code streamingPlaylist} marks HLS files.
 * A remote video's files stay on its origin: {@code fileUrl} says where, and {@code filename} is only the last
 * segment of that URL.
 */
@Entity
@Table(name = "video_file", indexes = @Index(name = "idx_video_file_video", columnList = "video_id"))
public class VideoFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private VideoEntity video;

    @ManyToOne
    @JoinColumn(name = "streaming_playlist_id")
    private StreamingPlaylistEntity streamingPlaylist;

    @Column(name = "resolution", nullable = false)
    private int resolution;

    @Column(name = "file_size", nullable = false)
    private long size;

    @Column(name = "fps", nullable = false)
    private int fps;

    @Column(name = "extname", nullable = false, length = 20)
    private String extname;

    @Column(name = "filename", nullable = false, length = 255)
    private String filename;

    @Column(name = "torrent_filename", length = 255)
    private String torrentFilename;

    @Column(name = "info_hash", length = 64)
    private String infoHash;

    /** Where the origin serves a remote video's file; {@code null} for the files stored here. */
    @Column(name = "file_url", length = 1000)
    private String fileUrl;

    /** The origin's {@code .torrent} of a remote video's file, or {@code null}. */
    @Column(name = "torrent_url", length = 1000)
    private String torrentUrl;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    public long getId() { return id; }
    public VideoEntity getVideo() { return video; }
    public void setVideo(VideoEntity video) { this.video = video; }
    public StreamingPlaylistEntity getStreamingPlaylist() { return streamingPlaylist; }
    public void setStreamingPlaylist(StreamingPlaylistEntity playlist) { this.streamingPlaylist = playlist; }
    public int getResolution() { return resolution; }
    public void setResolution(int resolution) { this.resolution = resolution; }
    public long getSize() { return size; }
    public void setSize(long size) { this.size = size; }
    public int getFps() { return fps; }
    public void setFps(int fps) { this.fps = fps; }
    public String getExtname() { return extname; }
    public void setExtname(String extname) { this.extname = extname; }
    public String getFilename() { return filename; }
    public void setFilename(String filename) { this.filename = filename; }
    public String getTorrentFilename() { return torrentFilename; }
    public void setTorrentFilename(String torrentFilename) { this.torrentFilename = torrentFilename; }
    public String getInfoHash() { return infoHash; }
    public void setInfoHash(String infoHash) { this.infoHash = infoHash; }
    public String getFileUrl() { return fileUrl; }
    public void setFileUrl(String fileUrl) { this.fileUrl = fileUrl; }
    public String getTorrentUrl() { return torrentUrl; }
    public void setTorrentUrl(String torrentUrl) { this.torrentUrl = torrentUrl; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
}
