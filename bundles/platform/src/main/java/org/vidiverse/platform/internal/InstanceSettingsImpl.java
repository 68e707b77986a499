package org.vidiverse.platform.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.instance.InstanceSettings;

/** The instance's settings from ConfigAdmin PID {@value #PID}; changes apply without restart. */
@Component(service = {InstanceSettings.class, InstanceIdentity.class}, configurationPid = InstanceSettingsImpl.PID)
@Designate(ocd = InstanceConfig.class)
public final class InstanceSettingsImpl implements InstanceSettings {
    public static final String PID = "org.vidiverse.instance";
    static final String DEFAULT_URL = "http://localhost:9000";
    private static final Logger LOG = LoggerFactory.getLogger(InstanceSettingsImpl.class);

    private volatile InstanceConfig config;
    private volatile String publicUrl;

    @Activate
    public InstanceSettingsImpl(InstanceConfig config) {
        apply(config);
    }

    @Modified
    void modified(InstanceConfig config) {
        apply(config);
    }

    private void apply(InstanceConfig config) {
        String configured = config.publicUrl().isBlank() ? System.getenv("VID_PUBLIC_URL") : config.publicUrl();
        this.publicUrl = normalizeUrl(configured == null || configured.isBlank() ? DEFAULT_URL : configured);
        this.config = config;
        LOG.info("Instance '{}' at {}", config.name(), publicUrl);
    }

    /** Checks the URL is absolute http(s) and drops a trailing slash, so links can be built by concatenation. */
    static String normalizeUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("public URL must be an absolute http(s) URL: " + url);
            }
            String text = uri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("public URL is not a URL: " + url, e);
        }
    }

    @Override public String publicUrl() { return publicUrl; }

    @Override public String name() { return config.name(); }

    @Override public String shortDescription() { return config.shortDescription(); }

    @Override
    public SignupMode signupMode() {
        try {
            return SignupMode.valueOf(config.signupMode().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown signupMode '{}', signup stays closed", config.signupMode());
            return SignupMode.CLOSED;
        }
    }

    @Override public int signupLimit() { return config.signupLimit(); }

    @Override public long defaultVideoQuota() { return config.defaultVideoQuota(); }

    @Override public long defaultVideoQuotaDaily() { return config.defaultVideoQuotaDaily(); }

    @Override public long maxUploadSize() { return config.maxUploadSize(); }

    @Override public String defaultNsfwPolicy() { return config.defaultNsfwPolicy(); }
    @Override public boolean autoBlockVideosOfUsers() { return config.autoBlockVideosOfUsers(); }
    @Override public int autoBlockNewUsersForDays() { return Math.max(0, config.autoBlockNewUsersForDays()); }
}
