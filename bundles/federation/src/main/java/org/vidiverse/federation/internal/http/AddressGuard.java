package org.vidiverse.federation.internal.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.vidiverse.federation.internal.http.RemoteException.Kind;

/**
 * Keeps federation requests away from this machine and its network (server-side request forgery). Remote instances
 * hand us URLs (actor ids, inboxes, redirects), so before each connection the URL is checked: only http and https,
 * no user-info, and every address the host resolves to must be public. Loopback and private ranges can be allowed
 * for development and closed networks; link-local (cloud metadata at 169.254.169.254), any-local, multicast and
 * reserved addresses never are.
 *
 * <p>Limit: the HTTP client resolves the host again when it connects, so a DNS server that answers differently the
 * second time (DNS rebinding) is not caught here; Java 17's HttpClient offers no hook to pin the checked address.
 */
public final class AddressGuard {
    /** What an address is, for the purpose of deciding whether we may connect to it. */
    enum Range {
        PUBLIC, LOOPBACK, PRIVATE, CGNAT, LINK_LOCAL, ANY_LOCAL, MULTICAST, RESERVED
    }

    /** Host name to addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final Resolver resolver;

    /**
     * @param allowLoopback allow 127.0.0.0/8, ::1 and "localhost" (development, tests)
     * @param allowPrivate  allow 10/8, 172.16/12, 192.168/16, 100.64/10 and fc00::/7 (instances on a closed network)
     */
    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this(allowLoopback, allowPrivate, InetAddress::getAllByName);
    }

    AddressGuard(boolean allowLoopback, boolean allowPrivate, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * Checks that {@code uri} may be requested.
     *
     * @throws RemoteException {@link Kind#BAD_URL} when it is not an http(s) URL with a host or carries user-info,
     *                         {@link Kind#IO} when the host does not resolve, {@link Kind#REFUSED_ADDRESS} when any
     *                         address it resolves to is not allowed
     */
    public void check(URI uri) throws RemoteException {
        String host = hostOf(uri);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (!allowLoopback && (name.equals("localhost") || name.endsWith(".localhost"))) {
            // RFC 6761: these names mean this machine, whatever a resolver says.
            throw new RemoteException(Kind.REFUSED_ADDRESS, "refused loopback host " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RemoteException(Kind.IO, "cannot resolve host " + host, e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RemoteException(Kind.IO, "cannot resolve host " + host);
        }
        for (InetAddress address : addresses) {
            Range range = classify(address);
            if (!allowed(range)) {
                throw new RemoteException(Kind.REFUSED_ADDRESS, "refused " + range.name().toLowerCase(Locale.ROOT)
                        + " address " + address.getHostAddress() + " for host " + host);
            }
        }
    }

    private static String hostOf(URI uri) throws RemoteException {
        if (uri == null || !uri.isAbsolute()) {
            throw new RemoteException(Kind.BAD_URL, "not an absolute URL: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RemoteException(Kind.BAD_URL, "only http and https URLs are fetched, not " + scheme);
        }
        if (uri.getRawUserInfo() != null) {
            // user@host URLs are a classic way to disguise the real host; no instance needs them.
            throw new RemoteException(Kind.BAD_URL, "URL with user-info refused");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RemoteException(Kind.BAD_URL, "URL without a (valid) host: " + uri);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean allowed(Range range) {
        switch (range) {
            case PUBLIC:
                return true;
            case LOOPBACK:
                return allowLoopback;
            case PRIVATE:
            case CGNAT:
                return allowPrivate;
            default:
                return false;
        }
    }

    /** Classifies an address; IPv6 forms that embed an IPv4 address are judged by that address. */
    static Range classify(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? classifyV4(b) : classifyV6(b);
    }

    private static Range classifyV4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0) {
            return Range.ANY_LOCAL; // 0.0.0.0/8, "this network"
        }
        if (b0 == 127) {
            return Range.LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Range.PRIVATE;
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Range.CGNAT;
        }
        if (b0 == 169 && b1 == 254) {
            return Range.LINK_LOCAL;
        }
        if (b0 >= 224 && b0 <= 239) {
            return Range.MULTICAST;
        }
        if (b0 >= 240 || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
            return Range.RESERVED; // 240/4 and broadcast, IETF protocol assignments, benchmarking
        }
        return Range.PUBLIC;
    }

    private static Range classifyV6(byte[] b) {
        if (allZero(b, 0, 15) && b[15] == 0) {
            return Range.ANY_LOCAL; // ::
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Range.LOOPBACK; // ::1
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (allZero(b, 0, 12)) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d, IPv4-compatible (deprecated)
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, NAT64
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return classifyV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16, 6to4
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return Range.PRIVATE; // fc00::/7 unique local, fec0::/10 old site-local
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Range.LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xff) {
            return Range.MULTICAST;
        }
        return Range.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
