package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.vidiverse.api.codec.CodecException;

import io.humble.ferry.Buffer;
import io.humble.video.Codec;
import io.humble.video.Coder;
import io.humble.video.Decoder;
import io.humble.video.Encoder;
import io.humble.video.Global;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.MediaPictureResampler;
import io.humble.video.PixelFormat;
import io.humble.video.Rational;

/**
 * One frame of a video as a JPEG of exactly the size asked, scaled to cover it and centre-cropped (PeerTube's
 * thumbnails and previews): seek to the keyframe before the time, decode up to the time, scale, crop, encode with
 * FFmpeg's MJPEG encoder, write the image.
 */
final class Snapshot {
    /** MJPEG quality scale (2 best .. 31 worst) as FFmpeg's -q:v; 3 is visually lossless for thumbnails. */
    private static final int QUALITY = 3;
    private static final int LAMBDA_PER_QP = 118;   // FF_QP2LAMBDA

    private Snapshot() {
    }

    static void take(Path input, double atSeconds, int width, int height, Path jpegOut)
            throws CodecException, InterruptedException {
        if (width < 2 || height < 2) {
            throw new CodecException("a snapshot needs a size of at least 2x2, not " + width + "x" + height);
        }
        try (NativeScope scope = new NativeScope()) {
            Input in = Input.open(scope, input);
            if (in.videoDecoder() == null) {
                throw new CodecException("no video stream to take a picture from");
            }
            try {
                MediaPicture frame = frameAt(scope, in, atSeconds);
                MediaPicture still = coverAndCrop(scope, frame, width, height);
                Files.write(jpegOut, jpeg(scope, still));
            } catch (IOException | RuntimeException e) {
                throw new CodecException("could not take a picture (" + Input.reason(e) + ")", e);
            }
        }
    }

    /** The first picture at or after {@code atSeconds}; past the end, the last picture of the video. */
    private static MediaPicture frameAt(NativeScope scope, Input in, double atSeconds)
            throws IOException, InterruptedException, CodecException {
        Decoder decoder = in.videoDecoder();
        decoder.open(null, null);
        double start = in.startMicros() / 1e6;
        double duration = in.info().durationSeconds();
        double at = Math.max(0, duration > 0 ? Math.min(atSeconds, duration) : atSeconds);
        long target = in.startMicros() + Math.round(at * 1e6);
        in.demuxer().seek(-1, Long.MIN_VALUE, target, target, 0);   // the keyframe at or before the time

        MediaPicture picture = scope.own(MediaPicture.make(decoder.getWidth(), decoder.getHeight(),
                decoder.getPixelFormat()));
        MediaPacket packet = scope.own(MediaPacket.make());
        Latest latest = new Latest();
        scope.onClose(latest::release);
        while (in.demuxer().read(packet) >= 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("snapshot cancelled");
            }
            if (!packet.isComplete() || packet.getStreamIndex() != in.videoIndex()) {
                continue;
            }
            int offset = 0;
            while (offset < packet.getSize()) {
                int used = decoder.decode(picture, packet, offset);
                if (used <= 0) {
                    break;
                }
                offset += used;
                if (picture.isComplete()) {
                    if (seconds(picture, in) - start >= at - 0.001) {
                        return picture;
                    }
                    latest.keep(picture);
                }
            }
        }
        do {
            decoder.decode(picture, null, 0);
            if (picture.isComplete()) {
                latest.keep(picture);
            }
        } while (picture.isComplete());
        if (latest.picture == null) {
            throw new CodecException("the video has no picture to take");
        }
        return latest.picture;
    }

    /** A copy of the latest picture decoded, for a time past the end; one at a time, released with the scope. */
    private static final class Latest {
        private MediaPicture picture;

        void keep(MediaPicture decoded) {
            MediaPicture copy = MediaPicture.make(decoded, true);
            if (picture != null) {
                picture.delete();
            }
            picture = copy;
        }

        void release() {
            if (picture != null) {
                picture.delete();
                picture = null;
            }
        }
    }

    private static double seconds(MediaPicture picture, Input in) {
        long timestamp = picture.getTimeStamp();
        return timestamp == Global.NO_PTS ? 0 : Input.seconds(timestamp, in.videoTimeBase());
    }

    /** Scales so that the picture covers width x height, then keeps the centre. */
    private static MediaPicture coverAndCrop(NativeScope scope, MediaPicture frame, int width, int height) {
        double scale = Math.max((double) width / frame.getWidth(), (double) height / frame.getHeight());
        int coverWidth = Math.max(width, (int) Math.ceil(frame.getWidth() * scale));
        int coverHeight = Math.max(height, (int) Math.ceil(frame.getHeight() * scale));
        coverWidth += coverWidth % 2;
        coverHeight += coverHeight % 2;
        MediaPictureResampler scaler = scope.own(MediaPictureResampler.make(coverWidth, coverHeight,
                PixelFormat.Type.PIX_FMT_YUVJ420P, frame.getWidth(), frame.getHeight(), frame.getFormat(), 0));
        scaler.open();
        MediaPicture covered = scope.own(MediaPicture.make(coverWidth, coverHeight, PixelFormat.Type.PIX_FMT_YUVJ420P));
        scaler.resample(covered, frame);

        MediaPicture still = scope.own(MediaPicture.make(width, height, PixelFormat.Type.PIX_FMT_YUVJ420P));
        int left = (coverWidth - width) / 2 & ~1;
        int top = (coverHeight - height) / 2 & ~1;
        for (int plane = 0; plane < 3; plane++) {
            int shift = plane == 0 ? 0 : 1;
            copyPlane(covered, still, plane, left >> shift, top >> shift,
                    (width + shift) >> shift, (height + shift) >> shift);
        }
        still.setTimeStamp(0);
        still.setComplete(true);
        return still;
    }

    private static void copyPlane(MediaPicture from, MediaPicture to, int plane, int left, int top, int width,
                                  int height) {
        int fromStride = from.getLineSize(plane);
        int toStride = to.getLineSize(plane);
        Buffer source = from.getData(plane);
        Buffer target = to.getData(plane);
        try {
            byte[] line = new byte[width];
            for (int y = 0; y < height; y++) {
                source.get((top + y) * fromStride + left, line, 0, width);
                target.put(line, 0, y * toStride, width);
            }
        } finally {
            source.delete();
            target.delete();
        }
    }

    private static byte[] jpeg(NativeScope scope, MediaPicture still) throws CodecException {
        Encoder encoder = scope.own(Encoder.make(scope.own(Codec.findEncodingCodecByName("mjpeg"))));
        encoder.setWidth(still.getWidth());
        encoder.setHeight(still.getHeight());
        encoder.setPixelFormat(PixelFormat.Type.PIX_FMT_YUVJ420P);
        Rational timeBase = scope.own(Rational.make(1, 25));
        encoder.setTimeBase(timeBase);
        encoder.setFlag(Coder.Flag.FLAG_QSCALE, true);
        encoder.open(null, null);
        still.setTimeBase(timeBase);
        still.setQuality(QUALITY * LAMBDA_PER_QP);
        MediaPacket packet = scope.own(MediaPacket.make());
        encoder.encode(packet, still);
        if (!packet.isComplete()) {
            encoder.encode(packet, null);
        }
        if (!packet.isComplete()) {
            throw new CodecException("the JPEG encoder produced nothing");
        }
        Buffer data = scope.own(packet.getData());
        return data.getByteArray(0, packet.getSize());
    }
}
