/**
 * Authentication: the {@link org.vidiverse.api.auth.AuthProvider} extension point. The local password provider is
 * one provider among others; providers are asked in ranking order and the first that recognises the credentials
 * wins. A provider that fails or times out is skipped.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.vidiverse.api.auth;
