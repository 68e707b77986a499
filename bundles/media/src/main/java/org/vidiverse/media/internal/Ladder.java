package org.vidiverse.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;

/**
 * The renditions to make of a source, PeerTube's way: every configured height up to the source's (its shorter side
 * for portrait videos, so a phone video is not upscaled), plus the source's own when asked; highest first. Frame
 * rates keep the source's up to 60 from 720p up and up to 30 below, as PeerTube caps them.
 */
final class Ladder {
    private Ladder() {
    }

    static List<Rendition> of(MediaInfo source, List<Integer> configured, boolean keepSourceResolution) {
        if (!source.hasVideo()) {
            return List.of(new Rendition(0, 0, 0));   // audio only
        }
        int sourceHeight = Math.min(source.width(), source.height());
        TreeSet<Integer> heights = new TreeSet<>();
        for (int h : configured) {
            if (h > 0 && h <= sourceHeight) {
                heights.add(h);
            }
        }
        if (keepSourceResolution || heights.isEmpty()) {
            heights.add(sourceHeight - sourceHeight % 2);
        }
        double aspect = (double) Math.max(source.width(), source.height()) / sourceHeight;
        List<Rendition> ladder = new ArrayList<>();
        for (int h : heights.descendingSet()) {
            int fps = (int) Math.round(Math.min(source.fps() > 0 ? source.fps() : 30, h >= 720 ? 60 : 30));
            ladder.add(new Rendition(h, fps, bitrate(h, aspect, fps)));
        }
        return ladder;
    }

    /**
     * About 0.08 bit per pixel per frame at 30 fps, less per frame above (motion between close frames costs less):
     * 720p30 gets 2.2 Mbit/s, 1080p30 5 Mbit/s, in line with PeerTube's targets for H.264.
     */
    static long bitrate(int height, double aspect, int fps) {
        double pixels = height * height * aspect;
        double frames = fps <= 30 ? fps : 30 + (fps - 30) * 0.5;
        return Math.round(pixels * frames * 0.08);
    }

    static List<Integer> parse(String csv) {
        List<Integer> heights = new ArrayList<>();
        for (String part : csv.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                try {
                    heights.add(Integer.parseInt(p.endsWith("p") ? p.substring(0, p.length() - 1) : p));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("resolutions: '" + p + "' is not a height", e);
                }
            }
        }
        return heights;
    }
}
