package org.vidiverse.auth.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    public void rightPasswordMatchesAndWrongOneDoesNot() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    public void sameePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("secret"), hasher.hash("secret"));
    }

    @Test
    public void hashesWithOtherParametersStillVerify() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("secret");
        assertTrue(hasher.verify("secret", cheap));
    }

    @Test
    public void malformedHashesNeverMatch() {
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=x,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=1024,t=1,p=1$!!$aGFzaA",
                "$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$"}) {
            assertFalse(String.valueOf(bad), hasher.verify("secret", bad));
        }
        assertFalse(hasher.verify(null, hasher.hash("secret")));
    }
}
