package org.vidiverse.rest.internal;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vidiverse.api.federation.ActivityPublisher;
import org.vidiverse.api.model.Video;

/**
 * Tells the federation layer, when it is there, what the API changed. Without it (federation not installed) the
 * changes stay local; nothing else depends on it.
 */
@Component(service = Federation.class)
public final class Federation {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityPublisher publisher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.vidiverse.api.federation.RemoteActorLookup lookup;

    /** A remote account or channel by {@code name@host}, fetched if needed; empty without federation. */
    java.util.Optional<org.vidiverse.api.model.Actor> remoteActor(String handle) {
        org.vidiverse.api.federation.RemoteActorLookup current = lookup;
        return current == null ? java.util.Optional.empty() : current.find(handle);
    }

    void tell(Consumer<ActivityPublisher> change) {
        ActivityPublisher current = publisher;
        if (current != null) {
            change.accept(current);
        }
    }

    /** After an edit: published to others, updated, taken back (a Delete), or nothing when never shown. */
    void videoEdited(Video before, Video after) {
        boolean was = visible(before);
        boolean is = visible(after);
        if (!was && is) {
            tell(p -> p.videoPublished(after.id()));
        } else if (was) {
            tell(p -> p.videoUpdated(after.id()));
        }
    }

    static boolean visible(Video video) {
        return video.local() && video.federated();
    }
}
