package org.vidiverse.sample.codec.humble;

import io.humble.video.Encoder;
import io.humble.video.MediaPacket;

/** Where an encoder's packets go: every output that carries a stream of that encoder. */
@FunctionalInterface
interface PacketSink {
    void write(MediaPacket packet, Encoder from);
}
