package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.humble.video.Encoder;
import io.humble.video.MediaPacket;
import io.humble.video.Muxer;
import io.humble.video.MuxerStream;

/**
 * One file a rung writes: an MP4 (faststart) or an HLS playlist with its MPEG-TS segments. It carries one stream
 * per encoder it was given; packets of other encoders pass it by.
 */
final class Output {
    private final String kind;
    private final Path file;
    private final Muxer muxer;
    private final Map<Encoder, Integer> streams = new IdentityHashMap<>();

    private Output(NativeScope scope, String kind, Path file, String format, List<Encoder> encoders,
                   String... options) throws IOException, InterruptedException {
        this.kind = kind;
        this.file = file;
        muxer = scope.own(Muxer.make(file.toString(), null, format));
        for (Encoder encoder : encoders) {
            MuxerStream stream = scope.own(muxer.addNewStream(encoder));
            streams.put(encoder, stream.getIndex());
        }
        muxer.open(Options.of(scope, options), null);
    }

    /** An MP4 with its index in front (faststart), for progressive download ("web video"). */
    static Output mp4(NativeScope scope, Path file, List<Encoder> encoders) throws IOException, InterruptedException {
        return new Output(scope, "mp4", file, "mp4", encoders, "movflags", "+faststart");
    }

    /**
     * An HLS media playlist with MPEG-TS segments {@code <name>_000.ts}... beside it. FFmpeg 2.8's hls muxer
     * writes MPEG-TS segments only (fMP4 segments arrived in FFmpeg 3.4).
     */
    static Output hls(NativeScope scope, Path playlist, String segmentPrefix, int segmentSeconds,
                      List<Encoder> encoders) throws IOException, InterruptedException {
        return new Output(scope, "hls-playlist", playlist, "hls", encoders,
                "hls_time", Integer.toString(Math.max(1, segmentSeconds)),
                "hls_list_size", "0",                      // keep every segment: a complete VOD playlist
                "hls_segment_filename", playlist.resolveSibling(segmentPrefix + "_%03d.ts").toString());
    }

    String kind() {
        return kind;
    }

    Path file() {
        return file;
    }

    void write(MediaPacket packet, Encoder from) {
        Integer index = streams.get(from);
        if (index != null) {
            packet.setStreamIndex(index);
            muxer.write(packet, true);   // interleaved: audio and video packets in timestamp order
        }
    }

    /** Writes the trailer (the MP4 index, the playlist's end) and closes the file. */
    void finish() {
        NativeScope.finish(muxer);
    }
}
