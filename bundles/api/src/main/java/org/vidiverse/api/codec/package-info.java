/**
 * Codecs: the {@link org.vidiverse.api.codec.Codec} extension point. The core uses the available codec with the
 * highest {@code service.ranking} (the default FFmpeg codec ranks above plugins unless an admin changes it).
 * A codec probes a file and transcodes a whole ladder of renditions in one call.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.vidiverse.api.codec;
