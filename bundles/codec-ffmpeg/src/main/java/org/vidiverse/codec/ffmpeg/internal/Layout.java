package org.vidiverse.codec.ffmpeg.internal;

/**
 * Where a transcode writes each file, relative to the request's output folder. The names follow PeerTube's static
 * layout with its random prefixes left out, so that a caller moving the files there only adds its prefix (and
 * rewrites the file name inside each resolution playlist, as PeerTube does when it renames):
 * <pre>
 * {res}.mp4                      web video, faststart            (PeerTube: web-videos/{uuid}-{res}.mp4)
 * hls/{res}.m3u8                 resolution playlist             (streaming-playlists/hls/{video}/{uuid}-{res}.m3u8)
 * hls/{res}-fragmented.mp4       init segment and every segment  ({uuid}-{res}-fragmented.mp4)
 *                                in one file, as byte ranges
 * hls/master.m3u8                master playlist                 ({uuid}-master.m3u8)
 * </pre>
 * {@code res} is the rung: the height, the width for portrait sources, {@code 0} for audio only.
 */
final class Layout {
    static final String HLS_DIR = "hls";
    static final String MASTER = HLS_DIR + "/master.m3u8";

    private Layout() {
    }

    static String mp4(int resolution) {
        return resolution + ".mp4";
    }

    static String playlistName(int resolution) {
        return resolution + ".m3u8";
    }

    static String playlist(int resolution) {
        return HLS_DIR + "/" + playlistName(resolution);
    }

    static String fragmentedName(int resolution) {
        return resolution + "-fragmented.mp4";
    }

    static String fragmented(int resolution) {
        return HLS_DIR + "/" + fragmentedName(resolution);
    }
}
