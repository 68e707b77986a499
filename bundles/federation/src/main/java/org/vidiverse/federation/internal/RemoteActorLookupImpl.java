package org.vidiverse.federation.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.RemoteActorLookup;
import org.vidiverse.api.model.Actor;

/** Remote accounts and channels for the core, through {@link RemoteActors}. */
@Component(service = RemoteActorLookup.class)
public final class RemoteActorLookupImpl implements RemoteActorLookup {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteActorLookupImpl.class);

    private final RemoteActors remoteActors;

    @Activate
    public RemoteActorLookupImpl(@Reference RemoteActors remoteActors) {
        this.remoteActors = remoteActors;
    }

    @Override
    public Optional<Actor> find(String handleOrUrl) {
        if (handleOrUrl == null || handleOrUrl.isBlank()) {
            return Optional.empty();
        }
        String target = handleOrUrl.trim();
        try {
            Actor actor = target.startsWith("http://") || target.startsWith("https://")
                    ? remoteActors.resolve(target) : remoteActors.resolveHandle(target);
            return actor.local() ? Optional.empty() : Optional.of(actor);
        } catch (RemoteActors.UnavailableActor e) {
            LOG.debug("No remote actor {}: {}", target, e.getMessage());
            return Optional.empty();
        }
    }
}
