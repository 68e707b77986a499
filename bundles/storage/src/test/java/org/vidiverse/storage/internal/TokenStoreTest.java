package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.TokenStore;

public class TokenStoreTest {
    private Stores stores;
    private TokenStoreImpl tokens;

    @Before
    public void open() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:tokens-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        stores = new Stores(ds);
        tokens = new TokenStoreImpl(stores.jpa, stores.schema);
    }

    @After
    public void close() {
        stores.close();
    }

    @Test
    public void theFirstLocalClientStaysTheLocalClient() {
        TokenStore.Client first = tokens.ensureLocalClient(new TokenStore.Client("id1", "secret1"));
        TokenStore.Client second = tokens.ensureLocalClient(new TokenStore.Client("id2", "secret2"));
        assertEquals("id1", first.clientId());
        assertEquals(first, second);
        assertEquals("secret1", tokens.clientSecret("id1").orElseThrow());
        assertTrue(tokens.clientSecret("id2").isEmpty());
    }

    @Test
    public void tokensAreFoundByEitherHashAndDeletedOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tokens.saveToken(7, "c", "a".repeat(64), now.plusSeconds(60), "r".repeat(64), now.plusSeconds(120));
        TokenStore.StoredToken byAccess = tokens.findByAccessHash("a".repeat(64)).orElseThrow();
        TokenStore.StoredToken byRefresh = tokens.findByRefreshHash("r".repeat(64)).orElseThrow();
        assertEquals(byAccess, byRefresh);
        assertEquals(7, byAccess.userId());
        assertEquals(now.plusSeconds(60), byAccess.accessExpiresAt());
        assertTrue(tokens.delete(byAccess.id()));
        assertFalse("a second delete finds nothing", tokens.delete(byAccess.id()));
        assertTrue(tokens.findByAccessHash("a".repeat(64)).isEmpty());
    }

    @Test
    public void aReusedHashIsRefused() {
        Instant later = Instant.now().plusSeconds(60);
        tokens.saveToken(1, "c", "x".repeat(64), later, "y".repeat(64), later);
        try {
            tokens.saveToken(2, "c", "x".repeat(64), later, "z".repeat(64), later);
            fail("duplicate access hash stored");
        } catch (DuplicateException expected) {
            assertTrue(tokens.findByRefreshHash("z".repeat(64)).isEmpty());
        }
    }

    @Test
    public void expiredPairsAndAllOfAUserGo() {
        Instant now = Instant.now();
        tokens.saveToken(1, "c", "1".repeat(64), now.minusSeconds(120), "2".repeat(64), now.minusSeconds(60));
        tokens.saveToken(1, "c", "3".repeat(64), now.plusSeconds(60), "4".repeat(64), now.plusSeconds(120));
        tokens.saveToken(2, "c", "5".repeat(64), now.plusSeconds(60), "6".repeat(64), now.plusSeconds(120));
        assertEquals(1, tokens.deleteExpired(now));
        assertEquals(1, tokens.deleteAllOf(1));
        assertTrue(tokens.findByAccessHash("5".repeat(64)).isPresent());
    }
}
