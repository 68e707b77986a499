package org.vidiverse.storage.internal.entity;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One fact of the search index: {@code word} occurs in {@code field} (name, tag or description) of a video. Every
 * column is part of the primary key, and {@code idx_search_word} holds them all with {@code word} first (the
 * provider orders primary key columns by name, so the key's own index starts with {@code field}): a range scan on
 * it gives the videos and fields of a word without reading the table. {@code video_id} is a plain column, not a
 * foreign key, so that indexing never locks the video row; the stores delete a video's words with it, and a
 * search joins the video table, so a stray row could never surface.
 */
@Entity
@IdClass(VideoSearchWordEntity.Key.class)
@Table(name = "video_search_word", indexes = {
        @Index(name = "idx_search_word", columnList = "word,video_id,field"),
        @Index(name = "idx_search_word_video", columnList = "video_id")})
public class VideoSearchWordEntity {
    /** The longest word kept, in characters; longer words are cut. */
    public static final int MAX_WORD = 64;

    @Id
    @Column(name = "word", nullable = false, length = MAX_WORD)
    private String word;

    @Id
    @Column(name = "video_id", nullable = false)
    private long videoId;

    /** Where the word occurs; see {@code SearchWords.Field}. */
    @Id
    @Column(name = "field", nullable = false)
    private int field;

    public VideoSearchWordEntity() {
    }

    public VideoSearchWordEntity(String word, long videoId, int field) {
        this.word = word;
        this.videoId = videoId;
        this.field = field;
    }

    public String getWord() { return word; }
    public long getVideoId() { return videoId; }
    public int getField() { return field; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String word;
        public long videoId;
        public int field;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.videoId == videoId && k.field == field && Objects.equals(k.word, word);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, videoId, field);
        }
    }
}
