/**
 * Codecs: the {@link org.vidiverse.api.codec.Codec} extension point. The core uses the available codec with the
 * highest {@code service.ranking} (the default FFmpeg codec ranks above plugins unless an admin changes it).
 * A codec probes a file, transcodes a whole ladder of renditions in one call and (since 1.1) extracts still images
 * for thumbnails and previews.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.vidiverse.api.codec;
