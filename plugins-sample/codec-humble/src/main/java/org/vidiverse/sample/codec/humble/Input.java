package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;

import io.humble.video.Codec;
import io.humble.video.CodecDescriptor;
import io.humble.video.Decoder;
import io.humble.video.Demuxer;
import io.humble.video.DemuxerFormat;
import io.humble.video.DemuxerStream;
import io.humble.video.Global;
import io.humble.video.MediaDescriptor;
import io.humble.video.Rational;

/**
 * An opened input: its demuxer, the first video and first audio stream (index {@code -1} when absent), their
 * decoders (not yet opened) and what probing found. Everything native belongs to the {@link NativeScope} given.
 */
record Input(Demuxer demuxer, int videoIndex, Decoder videoDecoder, Rational videoTimeBase, int audioIndex,
             Decoder audioDecoder, Rational audioTimeBase, long startMicros, MediaInfo info) {

    /** FFmpeg opens plain text as "video" through these demuxers; an upload of text is not media. */
    private static final Set<String> NOT_MEDIA = Set.of("tty", "ansi", "txt", "srt", "ass", "webvtt", "subviewer");

    static Input open(NativeScope scope, Path file) throws CodecException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new CodecException("no such file: " + file.getFileName());
        }
        Demuxer demuxer = scope.own(Demuxer.make());
        try {
            demuxer.open(file.toString(), null, false, true, null, null);
        } catch (IOException | RuntimeException e) {
            throw new CodecException("not a media file Humble Video can read (" + reason(e) + ")", e);
        }
        try {
            return read(scope, demuxer, file);
        } catch (IOException | RuntimeException e) {
            throw new CodecException("unreadable media (" + reason(e) + ")", e);
        }
    }

    private static Input read(NativeScope scope, Demuxer demuxer, Path file)
            throws IOException, InterruptedException, CodecException {
        DemuxerFormat format = scope.own(demuxer.getFormat());
        if (format != null && NOT_MEDIA.contains(format.getName())) {
            throw new CodecException("not a media file (" + format.getName() + ")");
        }
        int videoIndex = -1;
        int audioIndex = -1;
        Decoder videoDecoder = null;
        Decoder audioDecoder = null;
        Rational videoTimeBase = null;
        Rational audioTimeBase = null;
        double fps = 0;
        double streamSeconds = 0;
        int streams = demuxer.getNumStreams();
        for (int i = 0; i < streams; i++) {
            DemuxerStream stream = scope.own(demuxer.getStream(i));
            Decoder decoder = scope.own(stream.getDecoder());
            if (decoder == null || decoder.getCodecID() == Codec.ID.CODEC_ID_NONE) {
                continue;
            }
            MediaDescriptor.Type type = decoder.getCodecType();
            if (type == MediaDescriptor.Type.MEDIA_VIDEO && videoIndex < 0 && decoder.getWidth() > 0
                    && !isAttachedPicture(scope, stream)) {
                videoIndex = i;
                videoDecoder = decoder;
                videoTimeBase = scope.own(stream.getTimeBase());
                fps = rate(scope.own(stream.getFrameRate()));
                streamSeconds = Math.max(streamSeconds, seconds(stream.getDuration(), videoTimeBase));
            } else if (type == MediaDescriptor.Type.MEDIA_AUDIO && audioIndex < 0) {
                audioIndex = i;
                audioDecoder = decoder;
                audioTimeBase = scope.own(stream.getTimeBase());
                streamSeconds = Math.max(streamSeconds, seconds(stream.getDuration(), audioTimeBase));
            }
        }
        if (videoIndex < 0 && audioIndex < 0) {
            throw new CodecException("no audio or video stream");
        }
        long durationMicros = demuxer.getDuration();
        double duration = durationMicros == Global.NO_PTS || durationMicros <= 0 ? streamSeconds : durationMicros / 1e6;
        long bitrate = demuxer.getBitRate();
        if (bitrate <= 0 && duration > 0) {
            bitrate = Math.round(Files.size(file) * 8 / duration);
        }
        long start = demuxer.getStartTime();
        MediaInfo info = new MediaInfo(duration,
                videoDecoder == null ? 0 : videoDecoder.getWidth(),
                videoDecoder == null ? 0 : videoDecoder.getHeight(),
                fps, bitrate, codecName(scope, videoDecoder), codecName(scope, audioDecoder));
        return new Input(demuxer, videoIndex, videoDecoder, videoTimeBase, audioIndex, audioDecoder, audioTimeBase,
                start == Global.NO_PTS ? 0 : start, info);
    }

    /** Cover art in an audio file is a one-frame "video" stream; it is not the video. */
    private static boolean isAttachedPicture(NativeScope scope, DemuxerStream stream) {
        return scope.own(stream.getAttachedPic()) != null;
    }

    /** The codec's canonical name as ffprobe prints it ({@code h264}, {@code aac}, {@code mp3}...). */
    private static String codecName(NativeScope scope, Decoder decoder) {
        if (decoder == null) {
            return null;
        }
        CodecDescriptor descriptor = scope.own(CodecDescriptor.make(decoder.getCodecID()));
        if (descriptor != null) {
            return descriptor.getName();
        }
        return scope.own(decoder.getCodec()).getName();
    }

    static double rate(Rational rational) {
        if (rational == null || rational.getDenominator() == 0 || rational.getNumerator() <= 0) {
            return 0;
        }
        return (double) rational.getNumerator() / rational.getDenominator();
    }

    static double seconds(long timestamp, Rational timeBase) {
        if (timestamp == Global.NO_PTS || timeBase == null || timeBase.getDenominator() == 0) {
            return 0;
        }
        return timestamp * (double) timeBase.getNumerator() / timeBase.getDenominator();
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.trim();
    }
}
