/**
 * Monetization: the {@link org.vidiverse.api.monetization.MonetizationProvider} extension point for support
 * links, payment pointers and supporters-only access. A provider that fails grants no access to gated content.
 *
 * <p>The core consults providers through {@link org.vidiverse.api.monetization.MonetizationService} (since 1.1):
 * before serving any file of a video (web videos, HLS playlists and segments, torrents, downloads; not thumbnails
 * or previews), every provider is asked, except when the caller is the video's owner or a moderator; a refusal is a
 * {@code 403} problem JSON whose {@code detail} is the provider's message and {@code supportUrl} its link. The links
 * of {@link org.vidiverse.api.monetization.MonetizationProvider#supportLinks} appear as {@code supportLinks} on
 * videos and channels in the REST API.
 *
 * <p>A plugin may add REST endpoints of its own (e.g. to manage supporters) by registering a JAX-RS root resource
 * object as a service with the property {@code vidiverse.jaxrs.resource=true} (a provider: {@code
 * vidiverse.jaxrs.provider=true}); by convention under {@code /plugins/{plugin name}/router/}. It needs the
 * {@code javax.ws.rs} API only, never the REST bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.vidiverse.api.monetization;
