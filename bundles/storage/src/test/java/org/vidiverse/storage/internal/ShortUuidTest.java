package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.UUID;
import org.junit.Test;

public class ShortUuidTest {

    @Test
    public void encodesAsPeerTubeDoes() {
        // pairs served by a PeerTube 6.3 (shared/peertube-wire fixtures)
        assertEquals("vNvvHEpTyjrHNELdCjcWYN", ShortUuid.encode(UUID.fromString("f1576c16-26a0-4ab3-9c7d-5ab21a47bece")));
        assertEquals("9Ene1ELmoWNkfgtENncbwn", ShortUuid.encode(UUID.fromString("462473d7-2d2d-499c-b85b-f008c14d5f11")));
        assertEquals("9hgyfN8VHzDmYEBdVnuyb2", ShortUuid.encode(UUID.fromString("430e98ad-bae9-4c22-9e88-bde4a4110815")));
        assertEquals(UUID.fromString("430e98ad-bae9-4c22-9e88-bde4a4110815"), ShortUuid.decode("9hgyfN8VHzDmYEBdVnuyb2"));
        assertEquals("1", ShortUuid.encode(new UUID(0, 0)));
        assertEquals("2", ShortUuid.encode(new UUID(0, 1)));
        assertEquals("Z", ShortUuid.encode(new UUID(0, 57)));
        assertEquals("21", ShortUuid.encode(new UUID(0, 58)));
        assertEquals("xBuEXKpA6iqZQK5Kf2TnkV", ShortUuid.encode(new UUID(-1L, -1L)));
    }

    @Test
    public void decodeReversesEncode() {
        for (int i = 0; i < 1000; i++) {
            UUID uuid = UUID.randomUUID();
            String shortUuid = ShortUuid.encode(uuid);
            assertTrue(shortUuid, shortUuid.length() <= 22);
            assertEquals(uuid, ShortUuid.decode(shortUuid));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesCharactersOutsideTheAlphabet() {
        ShortUuid.decode("0OIl");
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesMoreThan128Bits() {
        ShortUuid.decode("xBuEXKpA6iqZQK5Kf2TnkW");
    }

    @Test
    public void stripsCredentialsFromJdbcUrls() {
        assertEquals("jdbc:derby:memory:x", StorageInfoImpl.withoutCredentials("jdbc:derby:memory:x;user=a;password=b"));
        assertEquals("jdbc:postgresql://db:5432/v?currentSchema=s",
                StorageInfoImpl.withoutCredentials("jdbc:postgresql://u:p@db:5432/v?password=x&currentSchema=s"));
    }
}
