package org.vidiverse.api.plugin;

/**
 * A plugin could not be installed, updated or removed. Nothing of it was left behind: a bundle that was installed
 * for the attempt has been uninstalled again (or, for an update, the previous version restored).
 */
public class PluginInstallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, so that callers can answer precisely. */
    public enum Reason {
        /** The jar file or Maven artifact cannot be read or found. */
        SOURCE_UNREADABLE,
        /** The jar is not an OSGi bundle (no {@code Bundle-SymbolicName}), or is a fragment. */
        NOT_A_BUNDLE,
        /** A bundle of that name is already installed: update it instead. */
        ALREADY_INSTALLED,
        /** No plugin of that name is installed. */
        NOT_INSTALLED,
        /** The new jar of an update is another bundle than the plugin named. */
        NAME_MISMATCH,
        /** The bundle's requirements (imports...) cannot be satisfied by this instance. */
        UNRESOLVED,
        /** The bundle's activator, or one of its components, threw on activation. */
        ACTIVATION_FAILED,
        /** The bundle was not installed through the plugin manager (core bundle, deploy/ folder, feature). */
        NOT_MANAGED,
        /** The operation does not apply to this kind of plugin (a feature is not updated in place). */
        UNSUPPORTED
    }

    private final Reason reason;

    public PluginInstallException(Reason reason, String message) {
        this(reason, message, null);
    }

    public PluginInstallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
