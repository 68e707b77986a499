package org.vidiverse.streaming.internal.tracker;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Vidiverse P2P tracker",
        description = "The BitTorrent/WebTorrent tracker of the instance and the players' peer-to-peer sharing")
public @interface TrackerConfig {
    @AttributeDefinition(description = "Answer announces at /tracker/announce and /tracker/socket")
    boolean enabled() default true;

    @AttributeDefinition(description = "Let web players share video segments peer to peer (users may still opt out)")
    boolean p2pEnabled() default true;

    @AttributeDefinition(description = "Seconds between a peer's announces; peers silent for twice that expire")
    int announceIntervalSeconds() default 120;

    @AttributeDefinition(description = "Swarms one WebSocket connection may join")
    int maxSwarmsPerPeer() default 10;

    @AttributeDefinition(description = "WebRTC offers relayed from one announce (more are dropped)")
    int maxOffersPerAnnounce() default 10;

    @AttributeDefinition(description = "Peers returned by one HTTP announce at most")
    int maxPeersPerAnnounce() default 50;

    @AttributeDefinition(description = "Largest WebSocket message accepted, in bytes")
    int maxMessageBytes() default 65536;

    @AttributeDefinition(description = "WebSocket messages one connection may send per 10 seconds")
    int maxMessagesPer10Seconds() default 100;
}
