package org.vidiverse.federation.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vidiverse.federation.internal.http.AddressGuard.Range;
import org.vidiverse.federation.internal.http.RemoteException.Kind;

/** Literal addresses only (and a fake resolver for names), so no test depends on DNS. */
public class AddressGuardTest {
    private final AddressGuard strict = new AddressGuard(false, false);

    @Test
    public void publicAddressesPass() throws Exception {
        for (String url : List.of("https://93.184.215.14/videos", "http://8.8.8.8:8080/x", "https://[2606:4700::1111]/",
                "https://172.32.0.1/", "https://100.128.0.1/", "https://11.0.0.1/", "https://169.253.1.1/")) {
            strict.check(URI.create(url));
        }
    }

    @Test
    public void loopbackIsRefusedUnlessAllowed() throws Exception {
        for (String url : List.of("http://127.0.0.1/", "http://127.8.9.10:9000/", "http://[::1]/", "http://localhost/",
                "http://LOCALHOST./", "http://app.localhost/", "http://2130706433/")) {
            assertRefused(strict, url);
        }
        AddressGuard loopbackAllowed = new AddressGuard(true, false, fakeDns(Map.of("localhost", "127.0.0.1")));
        loopbackAllowed.check(URI.create("http://127.0.0.1:8080/"));
        loopbackAllowed.check(URI.create("http://[::1]:8080/"));
        loopbackAllowed.check(URI.create("http://localhost:9000/"));
        assertRefused(loopbackAllowed, "http://10.0.0.1/");
    }

    @Test
    public void privateRangesAreRefusedUnlessAllowed() throws Exception {
        List<String> privateUrls = List.of("http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/",
                "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.254/", "http://[fc00::1]/",
                "http://[fd12:3456::1]/");
        AddressGuard privateAllowed = new AddressGuard(false, true);
        for (String url : privateUrls) {
            assertRefused(strict, url);
            privateAllowed.check(URI.create(url));
        }
        assertRefused(privateAllowed, "http://127.0.0.1/");
    }

    @Test
    public void linkLocalAnyLocalMulticastAndReservedAreNeverAllowed() {
        AddressGuard lenient = new AddressGuard(true, true);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0/",
                "http://0.1.2.3/", "http://[::]/", "http://224.0.0.1/", "http://239.255.255.250/", "http://[ff02::1]/",
                "http://255.255.255.255/", "http://240.0.0.1/")) {
            assertRefused(strict, url);
            assertRefused(lenient, url);
        }
    }

    @Test
    public void ipv6FormsEmbeddingAnIpv4AddressAreJudgedByIt() throws Exception {
        assertRefused(strict, "http://[::ffff:127.0.0.1]/");
        assertRefused(strict, "http://[::ffff:a9fe:a9fe]/"); // 169.254.169.254
        assertRefused(strict, "http://[::ffff:10.0.0.1]/");
        assertRefused(strict, "http://[64:ff9b::7f00:1]/"); // NAT64 of 127.0.0.1
        assertRefused(strict, "http://[2002:c0a8:0101::1]/"); // 6to4 of 192.168.1.1
        assertRefused(strict, "http://[::10.0.0.1]/"); // IPv4-compatible
        strict.check(URI.create("http://[64:ff9b::808:808]/")); // NAT64 of 8.8.8.8
    }

    @Test
    public void mappedAddressesHeldAsIpv6AreClassifiedByTheirIpv4Part() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(Range.LOOPBACK, AddressGuard.classify(address));
    }

    @Test
    public void aNameIsRefusedWhenAnyOfItsAddressesIsRefused() throws Exception {
        AddressGuard guard = new AddressGuard(false, false,
                fakeDns(Map.of("mixed.example", "93.184.215.14,10.0.0.7", "fine.example", "93.184.215.14,2606:4700::1")));
        guard.check(URI.create("https://fine.example/"));
        RemoteException e = assertRefused(guard, "https://mixed.example/");
        assertTrue(e.getMessage(), e.getMessage().contains("10.0.0.7"));
    }

    @Test
    public void unresolvableHostIsAnIoFailure() {
        AddressGuard guard = new AddressGuard(false, false, fakeDns(Map.of()));
        assertKind(guard, "https://nowhere.example/", Kind.IO);
    }

    @Test
    public void onlyHttpUrlsWithAHostAndNoUserInfoAreAccepted() {
        for (String url : List.of("ftp://93.184.215.14/", "file:///etc/passwd", "/relative/path",
                "https://user:pw@93.184.215.14/", "https://user@93.184.215.14/", "http://bad_host/", "mailto:a@b.c",
                "http://127.1/" /* java.net.URI finds no host in it */)) {
            assertKind(strict, url, Kind.BAD_URL);
        }
        assertKind(strict, null, Kind.BAD_URL);
    }

    @Test
    public void schemeIsCaseInsensitive() throws Exception {
        strict.check(URI.create("HTTPS://93.184.215.14/"));
    }

    private static AddressGuard.Resolver fakeDns(Map<String, String> table) {
        return host -> {
            String addresses = table.get(host);
            if (addresses == null) {
                if (host.matches("[0-9a-fA-F.:]+")) {
                    return InetAddress.getAllByName(host); // literals do not touch DNS
                }
                throw new UnknownHostException(host);
            }
            String[] literals = addresses.split(",");
            InetAddress[] result = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                result[i] = InetAddress.getByName(literals[i]);
            }
            return result;
        };
    }

    private static RemoteException assertRefused(AddressGuard guard, String url) {
        return assertKind(guard, url, Kind.REFUSED_ADDRESS);
    }

    private static RemoteException assertKind(AddressGuard guard, String url, Kind kind) {
        try {
            guard.check(url == null ? null : URI.create(url));
            fail("expected " + kind + " for " + url);
            return null;
        } catch (RemoteException e) {
            assertEquals(url + ": " + e.getMessage(), kind, e.kind());
            return e;
        }
    }
}
