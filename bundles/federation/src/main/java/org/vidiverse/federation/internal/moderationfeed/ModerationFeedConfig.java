package org.vidiverse.federation.internal.moderationfeed;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.vidiverse.federation.moderationfeed}; every value can change while running. */
@ObjectClassDefinition(name = "Vidiverse moderation feeds",
        description = "The signed feed of this instance's moderation decisions, and the feeds it subscribes to")
public @interface ModerationFeedConfig {
    String PID = "org.vidiverse.federation.moderationfeed";

    @AttributeDefinition(description = "Publish this instance's blocked servers and accounts, with reasons, at "
            + "/feeds/moderation.json (signed by the instance actor); off: 404")
    boolean publish() default true;

    @AttributeDefinition(description = "Also publish the blocks learned from subscribed feeds (off: only the "
            + "decisions of this instance's moderators)")
    boolean republishFeedEntries() default false;

    @AttributeDefinition(description = "Seconds between two syncs of a subscribed feed (at least 10)")
    int syncIntervalSeconds() default 3600;

    @AttributeDefinition(description = "Entries a feed may have; a larger feed is refused whole")
    int maxEntries() default 10_000;

    @AttributeDefinition(description = "Unknown accounts of a feed fetched per sync; the others wait for the next")
    int maxAccountFetchesPerSync() default 20;
}
