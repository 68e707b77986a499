/**
 * Moderation: the {@link org.vidiverse.api.moderation.ModerationPolicy} extension point and the core
 * {@link org.vidiverse.api.moderation.ModerationService} that runs every policy.
 *
 * <p>Contract for plugin authors: register a {@code ModerationPolicy} as an OSGi service (Declarative Services
 * {@code @Component}); order it with {@code service.ranking} (higher first). Answer within
 * {@link org.vidiverse.api.moderation.ModerationPolicy#TIMEOUT_MS}; a policy that throws or is late counts as a
 * rejection, because moderation fails closed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.vidiverse.api.moderation;
