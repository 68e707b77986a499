/**
 * Monetization: the {@link org.vidiverse.api.monetization.MonetizationProvider} extension point for support
 * links, payment pointers and supporters-only access. A provider that fails grants no access to gated content.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.vidiverse.api.monetization;
