/**
 * Federation policy: the {@link org.vidiverse.api.federation.FederationPolicy} extension point deciding, before
 * anything is fetched or stored, whether content from a remote instance or actor is allowed, denied, or
 * quarantined until a moderator approves it. A failing policy counts as DENY.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.vidiverse.api.federation;
