package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.RemoteInstance;

/** The instances (servers) this one knows of, including itself. */
@org.osgi.annotation.versioning.ProviderType
public interface InstanceStore {

    /** Returns the row for {@code host}, creating it on first sight. Hosts are stored lower case. */
    RemoteInstance findOrCreate(String host);

    Optional<RemoteInstance> find(String host);

    List<RemoteInstance> list();

    void setBlocked(String host, boolean blocked);
}
