package org.vidiverse.sample.codec.humble;

import io.humble.video.KeyValueBag;

/** FFmpeg options (an AVDictionary) for opening a coder or muxer. */
final class Options {
    private Options() {
    }

    /** @param keyValues key, value, key, value... */
    static KeyValueBag of(NativeScope scope, String... keyValues) {
        KeyValueBag bag = scope.own(KeyValueBag.make());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            bag.setValue(keyValues[i], keyValues[i + 1]);
        }
        return bag;
    }
}
