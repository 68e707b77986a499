/**
 * For bundles that add REST endpoints: register a JAX-RS resource or provider object as an OSGi service with
 * {@link org.vidiverse.rest.api.RestWhiteboard#RESOURCE} or {@link org.vidiverse.rest.api.RestWhiteboard#PROVIDER}
 * set to {@code true}; throw {@link org.vidiverse.rest.api.Problem} for errors, which the core renders as
 * PeerTube-style problem JSON.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.vidiverse.rest.api;
