package org.vidiverse.api.instance;

import java.net.URI;

/**
 * Who this instance is on the network: its public URL and host. Every ActivityPub id and every link the instance
 * hands out starts with {@link #publicUrl()}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface InstanceIdentity {

    /** The public base URL without a trailing slash, e.g. {@code https://video.example.org}. */
    String publicUrl();

    /** The host (with the port when it is not the scheme's default), e.g. {@code video.example.org}. */
    default String host() {
        URI uri = URI.create(publicUrl());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
