package org.vidiverse.api.store;

import java.util.Map;

/** What an admin wants to know about the database. */
@org.osgi.annotation.versioning.ProviderType
public interface StorageInfo {

    /** Product and version, e.g. {@code Apache Derby 10.14.2.0} or {@code PostgreSQL 15.19}. */
    String database();

    /** The JDBC URL without credentials. */
    String url();

    /** The schema version the storage bundle has brought the database to. */
    int schemaVersion();

    /** Row counts per table of interest: users, accounts, channels, videos, videoFiles, comments, follows, jobs. */
    Map<String, Long> counts();
}
