package org.vidiverse.codec.ffmpeg.internal;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;

/**
 * What {@code ffprobe -print_format json -show_format -show_streams} says about a file, reduced to what the codec
 * uses: the {@link MediaInfo} callers see, plus which streams to take and the RFC 6381 codec strings HLS needs.
 *
 * <p>Width and height are as displayed: a phone video stored 1920x1080 with a 90 degree rotation is 1080x1920, as
 * FFmpeg rotates it when transcoding. Cover art (an attached picture) is not video.
 *
 * @param videoStream index of the video stream to transcode, {@code -1} without video
 * @param audioStream index of the audio stream, {@code -1} without audio
 * @param videoCodecString e.g. {@code avc1.64001f}, or {@code null}
 * @param audioCodecString e.g. {@code mp4a.40.2}, or {@code null}
 */
record Probe(MediaInfo info, String format, int videoStream, int audioStream, int audioChannels,
             String videoCodecString, String audioCodecString) {

    boolean portrait() {
        return info.height() > info.width();
    }

    /**
     * Reads ffprobe's JSON.
     *
     * @throws CodecException if the file holds neither audio nor video, is a still image, or has no duration
     */
    static Probe parse(ObjectMapper json, String text) throws CodecException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CodecException("ffprobe gave an answer that is not JSON", e);
        }
        JsonNode format = root.path("format");
        String formatName = format.path("format_name").asText("");
        if (isImageFormat(formatName)) {
            throw new CodecException("This is a still image, not a video");
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if (video == null && type.equals("video") && stream.path("disposition").path("attached_pic").asInt() == 0) {
                video = stream;
            } else if (audio == null && type.equals("audio")) {
                audio = stream;
            }
        }
        if (video == null && audio == null) {
            throw new CodecException("The file holds no audio or video stream");
        }
        double duration = number(format, "duration");
        if (!(duration > 0)) {
            duration = Math.max(video == null ? 0 : number(video, "duration"), audio == null ? 0 : number(audio, "duration"));
        }
        if (!(duration > 0)) {
            throw new CodecException("The file has no duration: it is not a video or audio recording");
        }
        long bitrate = (long) number(format, "bit_rate");
        if (bitrate <= 0 && number(format, "size") > 0) {
            bitrate = (long) (number(format, "size") * 8 / duration);
        }

        int width = 0;
        int height = 0;
        double fps = 0;
        if (video != null) {
            width = video.path("width").asInt();
            height = video.path("height").asInt();
            if (Math.abs(rotation(video)) % 180 == 90) {
                int w = width;
                width = height;
                height = w;
            }
            fps = rate(video.path("avg_frame_rate").asText());
            if (!(fps > 0)) {
                fps = rate(video.path("r_frame_rate").asText());
            }
        }
        MediaInfo info = new MediaInfo(duration, width, height, fps, bitrate,
                video == null ? null : video.path("codec_name").asText(null),
                audio == null ? null : audio.path("codec_name").asText(null));
        return new Probe(info, formatName,
                video == null ? -1 : video.path("index").asInt(), audio == null ? -1 : audio.path("index").asInt(),
                audio == null ? 0 : audio.path("channels").asInt(),
                video == null ? null : codecString(video), audio == null ? null : codecString(audio));
    }

    private static boolean isImageFormat(String format) {
        return format.equals("image2") || format.endsWith("_pipe") || format.equals("tty");
    }

    /** Degrees from the display matrix (FFmpeg 5+) or the old {@code rotate} tag. */
    static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt();
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    /** {@code 30000/1001} -> 29.97; {@code 0/0} -> 0. */
    static double rate(String fraction) {
        int slash = fraction.indexOf('/');
        try {
            if (slash < 0) {
                return Double.parseDouble(fraction);
            }
            double num = Double.parseDouble(fraction.substring(0, slash));
            double den = Double.parseDouble(fraction.substring(slash + 1));
            return den == 0 ? 0 : num / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A number ffprobe writes as a JSON string ({@code "4.000000"}), NaN when absent or N/A. */
    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The RFC 6381 codec string of a stream: ffprobe's own {@code mime_codec_string} (FFmpeg 7.1+), else built from
     * profile and level for H.264 and AAC, the only codecs the ladder produces.
     */
    static String codecString(JsonNode stream) {
        String mime = stream.path("mime_codec_string").asText("");
        if (!mime.isEmpty()) {
            return mime;
        }
        String codec = stream.path("codec_name").asText("");
        String profile = stream.path("profile").asText("");
        if (codec.equals("h264")) {
            String profileAndConstraints = switch (profile) {
                case "Baseline", "Constrained Baseline" -> "42e0";
                case "Main" -> "4d40";
                case "High 10" -> "6e00";
                default -> "6400";
            };
            return "avc1." + profileAndConstraints + String.format(Locale.ROOT, "%02x", stream.path("level").asInt());
        }
        if (codec.equals("aac")) {
            return profile.startsWith("HE-AACv2") ? "mp4a.40.29" : profile.startsWith("HE-AAC") ? "mp4a.40.5" : "mp4a.40.2";
        }
        return null;
    }
}
