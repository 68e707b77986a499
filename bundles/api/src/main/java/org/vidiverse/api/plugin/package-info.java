/**
 * The plugin platform: what the core knows of installed plugins, the guard through which it calls them, and (since
 * 1.1) the {@link org.vidiverse.api.plugin.PluginManager} that installs, updates and removes plugin bundles at
 * runtime and reads and writes their metatype settings. {@code docs/plugins.md} in the repository has the full
 * contract of every extension point and a guide to writing a plugin.
 *
 * <h2>Extension points</h2>
 * <table>
 * <caption>Every SPI a plugin can implement</caption>
 * <tr><th>Service interface</th><th>What a plugin adds</th><th>Contract</th></tr>
 * <tr><td>{@link org.vidiverse.api.moderation.ModerationPolicy}</td><td>verdicts on uploads, edits, comments,
 * remote videos, remote actors, follows</td><td>ranked by {@code service.ranking}; 2 s; failure = REJECT</td></tr>
 * <tr><td>{@link org.vidiverse.api.auth.AuthProvider}</td><td>another way to log in (LDAP, OpenID Connect...)</td>
 * <td>ranked; 5 s; failure = this provider does not authenticate</td></tr>
 * <tr><td>{@link org.vidiverse.api.monetization.MonetizationProvider}</td><td>support links, payment pointers,
 * supporters-only access</td><td>1 s; failure = no links, access denied for gated videos</td></tr>
 * <tr><td>{@link org.vidiverse.api.codec.Codec}</td><td>probing and transcoding</td><td>highest-ranked available
 * codec is used; failure fails the job, which is retried</td></tr>
 * <tr><td>{@link org.vidiverse.api.federation.FederationPolicy}</td><td>allow, deny or quarantine remote instances
 * and actors</td><td>1 s; failure = DENY</td></tr>
 * </table>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.vidiverse.api.plugin;
