package org.vidiverse.codec.ffmpeg.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single ffmpeg invocation that produces a whole ladder: the source is decoded once, a filter graph scales the
 * frames for every rung (in cascade, see {@link #filterGraph}), each rung is encoded once with libx264, the audio is encoded once with AAC,
 * and the tee muxer writes every encoded rendition to both of its files (faststart MP4 and fMP4 HLS) - no second
 * decode, no second encode, no remux pass. Output paths are relative to the output folder, the child's working
 * directory, so no path ever needs escaping inside the tee specification.
 */
final class LadderCommand {
    /** Constant quality, capped by each rung's bitrate (PeerTube also caps x264 with maxrate and a 2x buffer). */
    static final int CRF = 23;

    /**
     * @param preset            x264 preset
     * @param threads           threads per encoder, 0 to let FFmpeg choose
     * @param audioBitrateKbps  AAC bitrate
     */
    record Options(boolean hls, boolean webVideo, int segmentSeconds, String preset, int threads,
                   int audioBitrateKbps) {
    }

    private LadderCommand() {
    }

    static List<String> build(Path ffmpeg, Path input, Probe source, List<Ladder.Rung> rungs, Options o) {
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(),
                "-nostdin", "-hide_banner", "-loglevel", "error", "-nostats", "-progress", "pipe:1", "-y",
                "-i", "file:" + input.toAbsolutePath()));
        List<Ladder.Rung> video = rungs.stream().filter(r -> !r.audioOnly()).toList();
        boolean audio = source.audioStream() >= 0;

        if (!video.isEmpty()) {
            args.add("-filter_complex");
            args.add(filterGraph(source, video));
            for (int i = 0; i < video.size(); i++) {
                args.add("-map");
                args.add("[v" + i + "]");
            }
            args.addAll(List.of("-c:v", "libx264", "-preset", o.preset(), "-crf", String.valueOf(CRF),
                    "-sc_threshold", "0", "-flags:v", "+cgop",
                    "-force_key_frames:v", "expr:gte(t,n_forced*" + Ladder.gopSeconds(o.segmentSeconds()) + ")"));
            for (int i = 0; i < video.size(); i++) {
                Ladder.Rung r = video.get(i);
                args.addAll(List.of("-g:v:" + i, String.valueOf(r.gopFrames()),
                        "-keyint_min:v:" + i, String.valueOf(r.gopFrames())));
                if (r.maxBitrate() > 0) {
                    args.addAll(List.of("-maxrate:v:" + i, String.valueOf(r.maxBitrate()),
                            "-bufsize:v:" + i, String.valueOf(2 * r.maxBitrate())));
                }
            }
        }
        if (audio) {
            args.addAll(List.of("-map", "0:" + source.audioStream(), "-c:a", "aac", "-b:a", o.audioBitrateKbps() + "k"));
            if (source.audioChannels() > 2) {
                args.addAll(List.of("-ac", "2"));
            }
        }
        if (o.threads() > 0) {
            args.addAll(List.of("-threads", String.valueOf(o.threads())));
        } else {
            int[] threads = encoderThreads(video, Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < threads.length; i++) {
                args.addAll(List.of("-threads:v:" + i, String.valueOf(threads[i])));
            }
        }
        args.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "1024",
                "-f", "tee", teeSlaves(rungs, audio, o)));
        return args;
    }

    /**
     * Frame threads of each rung's x264 when the configuration leaves them to us: the cores shared out by each
     * rung's part of the pixels to encode, rounded up, at least one each (2 cores, 1080p ladder: 2, 1, 1, 1). The
     * rungs' encoders already run side by side, so x264's own default (one and a half threads per core for each
     * encoder) oversubscribes the cores. With {@code bench/codec.sh} on 2 cores the difference is within the noise
     * (25.2 s against 25.9 s, medians of 3); one thread for every rung made the 1080p encoder the critical path
     * (28.2 s), and one filter graph per rung instead of a split gained nothing measurable.
     */
    static int[] encoderThreads(List<Ladder.Rung> video, int cores) {
        double total = 0;
        for (Ladder.Rung r : video) {
            total += (double) r.resolution() * r.resolution() * Math.max(1, r.fps());
        }
        int[] threads = new int[video.size()];
        for (int i = 0; i < threads.length; i++) {
            Ladder.Rung r = video.get(i);
            double share = (double) r.resolution() * r.resolution() * Math.max(1, r.fps()) / total;
            threads[i] = Math.max(1, (int) Math.ceil(cores * share - 1e-9));
        }
        return threads;
    }

    /**
     * The filter graph from the decoded source to one output {@code [v<i>]} per video rung (in {@code video}'s
     * order). Several rungs are scaled in cascade, each from the next larger rung's frames rather than from the
     * source's: {@code [0:0]scale=-2:1080,split=2[c0][n0];[c0]format=yuv420p[v0];[n0]scale=-2:720,split=2...}.
     * Scaling 720p frames to 480p reads less than half the pixels that scaling 1080p ones does: for the
     * 1080/720/480/360 ladder of a 1080p source, {@code ffmpeg -f null} measured 1.3 s of CPU per 15 s of video in
     * the scalers in cascade against 2.4 s from the source, here where encoding them takes about 22 s. The
     * frame rate can only go down along the cascade; a ladder whose smaller rungs ask for more frames than larger
     * ones is scaled from the source, each rung on its own branch.
     */
    static String filterGraph(Probe source, List<Ladder.Rung> video) {
        String input = "[0:" + source.videoStream() + "]";
        if (video.size() == 1) {
            return input + video.get(0).videoFilter() + "[v0]";
        }
        List<Integer> largestFirst = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) {
            largestFirst.add(i);
        }
        largestFirst.sort((a, b) -> Integer.compare(video.get(b).resolution(), video.get(a).resolution()));
        for (int k = 1; k < largestFirst.size(); k++) {
            if (video.get(largestFirst.get(k)).fps() > video.get(largestFirst.get(k - 1)).fps() + 0.01) {
                return splitFromSource(input, video);
            }
        }
        StringBuilder graph = new StringBuilder(input);
        double fps = source.info().fps();
        for (int k = 0; k < largestFirst.size(); k++) {
            int i = largestFirst.get(k);
            Ladder.Rung r = video.get(i);
            graph.append(Ladder.fpsStep(r.fps(), fps)).append(Ladder.scaleStep(r.resolution(), source.portrait()));
            fps = r.fps();
            if (k == largestFirst.size() - 1) {
                graph.append(",format=yuv420p[v").append(i).append(']');
            } else {
                graph.append(",split=2[c").append(k).append("][n").append(k).append("];[c").append(k)
                        .append("]format=yuv420p[v").append(i).append("];[n").append(k).append(']');
            }
        }
        return graph.toString();
    }

    /** {@code [0:0]split=3[s0][s1][s2];[s0]scale=-2:720,format=yuv420p[v0];...} */
    private static String splitFromSource(String input, List<Ladder.Rung> video) {
        StringBuilder graph = new StringBuilder(input).append("split=").append(video.size());
        for (int i = 0; i < video.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < video.size(); i++) {
            graph.append(";[s").append(i).append(']').append(video.get(i).videoFilter()).append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    /**
     * One or two tee slaves per rung, each selecting that rung's video stream and the shared audio stream. The
     * {@code \'} quoting is the tee muxer's: its slave list and then each slave's options are split by FFmpeg's
     * tokenizer, once each.
     */
    static String teeSlaves(List<Ladder.Rung> rungs, boolean audio, LadderCommand.Options o) {
        List<String> slaves = new ArrayList<>();
        int videoIndex = 0;
        for (Ladder.Rung r : rungs) {
            String select = r.audioOnly() ? "a" : audio ? "v:" + videoIndex + ",a" : "v:" + videoIndex;
            if (!r.audioOnly()) {
                videoIndex++;
            }
            String common = "select=\\'" + select + "\\':";
            if (o.webVideo()) {
                slaves.add("[" + common + "f=mp4:movflags=+faststart]" + Layout.mp4(r.resolution()));
            }
            if (o.hls()) {
                int segment = o.segmentSeconds() > 0 ? o.segmentSeconds() : Ladder.DEFAULT_SEGMENT_SECONDS;
                slaves.add("[" + common + "f=hls:hls_time=" + segment + ":hls_list_size=0:hls_playlist_type=vod"
                        + ":hls_segment_type=fmp4:hls_flags=single_file"
                        + ":hls_segment_filename=" + Layout.fragmented(r.resolution()) + "]" + Layout.playlist(r.resolution()));
            }
        }
        return String.join("|", slaves);
    }
}
