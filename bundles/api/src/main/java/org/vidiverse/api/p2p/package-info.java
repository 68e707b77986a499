/** Peer-to-peer sharing of videos between viewers: the instance's tracker and its settings. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.vidiverse.api.p2p;
