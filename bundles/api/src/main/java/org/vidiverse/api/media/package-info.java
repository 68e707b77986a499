/**
 * Media storage and distribution: where renditions live on disk ({@link org.vidiverse.api.media.MediaStorage})
 * and how a file becomes a torrent ({@link org.vidiverse.api.media.TorrentMaker}). The URL layout follows
 * PeerTube's, so that its players and clients find files where they expect them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.vidiverse.api.media;
