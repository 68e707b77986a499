package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.ProgressListener;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;

import io.humble.video.Encoder;
import io.humble.video.Global;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.Rational;

/**
 * One transcode: the input is read and decoded once; every decoded picture goes to each video rung (scale, frame
 * rate, H.264), the audio is encoded once (AAC), and each rung's MP4 and HLS outputs take its video packets and
 * the shared audio packets. Single-threaded apart from x264's own threads; not reusable.
 */
final class Transcode {
    /** A rung of the ladder as it will be produced: its video chain (none for audio only) and its files. */
    private record Rung(Rendition rendition, VideoRung video, Output mp4, Output hls) {
    }

    private final TranscodeRequest request;
    private final ProgressListener progress;
    private final List<Output> outputs = new ArrayList<>();
    private int lastPercent = -1;
    private double durationSeconds;
    private double startSeconds;
    /**
     * Decoded pictures carry the packets' timestamps, in the stream's time base, although Humble labels them with
     * the decoder's time base: the stream's is the right one.
     */
    private double streamTimeBase;
    private double lastPictureSeconds;
    private boolean hasAudio;

    Transcode(TranscodeRequest request, ProgressListener progress) {
        this.request = request;
        this.progress = progress == null ? percent -> { } : progress;
    }

    List<TranscodeOutput> run() throws CodecException, InterruptedException {
        VideoRung.checkPreset(request.preset());
        try {
            return runInScope();
        } catch (InterruptedException e) {
            Thread.interrupted();   // Humble throws it on a pending interrupt without clearing the flag
            throw e;
        }
    }

    private List<TranscodeOutput> runInScope() throws CodecException, InterruptedException {
        try (NativeScope scope = new NativeScope()) {
            Input input = Input.open(scope, request.input());
            durationSeconds = input.info().durationSeconds();
            startSeconds = input.startMicros() / 1e6;
            streamTimeBase = input.videoTimeBase() == null ? 0
                    : Input.seconds(1, input.videoTimeBase());
            try {
                return produce(scope, input);
            } catch (IOException | RuntimeException e) {
                throw new CodecException("transcoding failed (" + Input.reason(e) + ")", e);
            }
        }
    }

    private List<TranscodeOutput> produce(NativeScope scope, Input input)
            throws IOException, InterruptedException, CodecException {
        Files.createDirectories(request.outputDir());
        report(0);
        AudioTrack audio = input.audioDecoder() == null ? null : AudioTrack.open(scope, input.audioDecoder());
        hasAudio = audio != null;
        if (input.videoDecoder() != null) {
            input.videoDecoder().open(Options.of(scope, "threads", "0"), null);
        }
        List<Rung> rungs = plan(scope, input, audio);
        PacketSink sink = (packet, from) -> {
            for (Output output : outputs) {
                output.write(packet, from);
            }
        };

        MediaPacket packet = scope.own(MediaPacket.make());
        MediaPicture picture = input.videoDecoder() == null ? null : scope.own(MediaPicture.make(
                input.videoDecoder().getWidth(), input.videoDecoder().getHeight(),
                input.videoDecoder().getPixelFormat()));
        while (input.demuxer().read(packet) >= 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("transcode of " + request.input().getFileName() + " cancelled");
            }
            if (!packet.isComplete()) {
                continue;
            }
            int stream = packet.getStreamIndex();
            if (stream == input.videoIndex() && picture != null) {
                decodeVideo(input, packet, picture, rungs, sink);
            } else if (stream == input.audioIndex() && audio != null) {
                audio.decode(packet, startSeconds, sink);
                if (picture == null && packet.getPts() != Global.NO_PTS) {      // audio only: its clock
                    progressAt(Input.seconds(packet.getPts(), input.audioTimeBase()) - startSeconds);
                }
            }
        }
        if (picture != null) {
            do {
                input.videoDecoder().decode(picture, null, 0);
                if (picture.isComplete()) {
                    picture(picture, rungs, sink);
                }
            } while (picture.isComplete());
        }
        for (Rung rung : rungs) {
            if (rung.video() != null) {
                rung.video().flush(sink);
            }
        }
        if (audio != null) {
            audio.flush(startSeconds, sink);
        }
        for (Output output : outputs) {
            output.finish();
        }
        List<TranscodeOutput> produced = results(rungs);
        report(100);
        return produced;
    }

    /** Opens each rung's video chain and files; rungs this input cannot feed are left out. */
    private List<Rung> plan(NativeScope scope, Input input, AudioTrack audio)
            throws IOException, InterruptedException, CodecException {
        List<Rendition> ladder = new ArrayList<>();
        for (Rendition r : request.ladder()) {
            if (r.height() > 0 ? input.videoDecoder() != null : audio != null) {
                ladder.add(r);
            }
        }
        if (ladder.isEmpty() && audio != null) {
            ladder.add(new Rendition(0, 0, 0));              // audio-only input, video ladder: keep the sound
        }
        if (ladder.isEmpty() || !request.webVideo() && !request.hls()) {
            throw new CodecException("nothing to produce from this input with this ladder");
        }
        Rational sourceRate = input.videoDecoder() == null ? null : scope.own(frameRate(scope, input));
        Set<String> names = new HashSet<>();
        List<Rung> rungs = new ArrayList<>();
        for (Rendition r : ladder) {
            String name = r.height() > 0 ? r.height() + "p" : "audio";
            if (!names.add(name)) {
                name = name + r.fps();
            }
            VideoRung video = r.height() > 0 ? VideoRung.open(scope, input.videoDecoder(), r, sourceRate,
                    request.preset(), request.segmentSeconds()) : null;
            List<Encoder> encoders = new ArrayList<>();
            if (video != null) {
                encoders.add(video.encoder());
            }
            if (audio != null) {
                encoders.add(audio.encoder());
            }
            Output mp4 = request.webVideo() ? add(Output.mp4(scope, request.outputDir().resolve(name + ".mp4"), encoders)) : null;
            Output hls = request.hls() ? add(Output.hls(scope, request.outputDir().resolve(name + ".m3u8"), name,
                    request.segmentSeconds(), encoders)) : null;
            rungs.add(new Rung(r, video, mp4, hls));
        }
        return rungs;
    }

    private static Rational frameRate(NativeScope scope, Input input) throws IOException, InterruptedException {
        Rational rate = scope.own(scope.own(input.demuxer().getStream(input.videoIndex())).getFrameRate());
        if (Input.rate(rate) > 0 && Input.rate(rate) <= 240) {
            return Rational.make(rate.getNumerator(), rate.getDenominator());
        }
        return Rational.make(30, 1);
    }

    private Output add(Output output) {
        outputs.add(output);
        return output;
    }

    private void decodeVideo(Input input, MediaPacket packet, MediaPicture picture, List<Rung> rungs,
                             PacketSink sink) {
        int offset = 0;
        while (offset < packet.getSize()) {
            int used = input.videoDecoder().decode(picture, packet, offset);
            if (used <= 0) {
                break;
            }
            offset += used;
            if (picture.isComplete()) {
                picture(picture, rungs, sink);
            }
        }
    }

    private void picture(MediaPicture picture, List<Rung> rungs, PacketSink sink) {
        long timestamp = picture.getTimeStamp();
        double seconds = timestamp == Global.NO_PTS ? lastPictureSeconds : timestamp * streamTimeBase - startSeconds;
        lastPictureSeconds = seconds;
        for (Rung rung : rungs) {
            if (rung.video() != null) {
                rung.video().accept(picture, seconds, sink);
            }
        }
        progressAt(seconds);
    }

    /** Decoded media time against the duration; 100 only once every file is complete. */
    private void progressAt(double seconds) {
        if (durationSeconds > 0) {
            report((int) Math.max(0, Math.min(99, Math.floor(seconds * 100 / durationSeconds))));
        }
    }

    private List<TranscodeOutput> results(List<Rung> rungs) throws IOException {
        List<TranscodeOutput> results = new ArrayList<>();
        List<HlsPlaylists.Variant> variants = new ArrayList<>();
        for (Rung rung : rungs) {
            VideoRung video = rung.video();
            int height = video == null ? 0 : rung.rendition().height();   // the rung's name: shorter side
            int fps = video == null ? 0 : (int) Math.round(video.fps());
            if (rung.mp4() != null) {
                results.add(new TranscodeOutput("mp4", height, fps, rung.mp4().file()));
            }
            if (rung.hls() != null) {
                Path playlist = rung.hls().file();
                HlsPlaylists.markVod(playlist);
                results.add(new TranscodeOutput("hls-playlist", height, fps, playlist));
                String codecs = video == null ? "mp4a.40.2" : video.codecString() + (hasAudio ? ",mp4a.40.2" : "");
                variants.add(new HlsPlaylists.Variant(playlist, video == null ? 0 : video.width(), height,
                        video == null ? 0 : video.fps(), codecs));
            }
        }
        if (!variants.isEmpty()) {
            Path master = request.outputDir().resolve("master.m3u8");
            HlsPlaylists.writeMaster(master, variants);
            results.add(new TranscodeOutput("hls-master", 0, 0, master));
        }
        return results;
    }

    private void report(int percent) {
        if (percent > lastPercent) {
            lastPercent = percent;
            progress.progress(percent);
        }
    }
}
