package org.vidiverse.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.UserStore;

public class InitialAdminTest {
    private final List<NewUser> created = new ArrayList<>();
    private final PasswordHasher cheap = new PasswordHasher(1024, 1, 1);

    /** Records creations; answers lookups from what it recorded; any other call fails the test. */
    private UserStore users(boolean raceLost) {
        return (UserStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findByUsername" -> created.stream().filter(u -> u.username().equals(args[0])).findFirst()
                            .map(u -> new User(1, u.username(), u.email(), false, u.role(), false, null, -1, -1,
                                    "do_not_list", true, 1, Instant.now(), null));
                    case "create" -> {
                        if (raceLost) {
                            throw new DuplicateException("root exists");
                        }
                        created.add((NewUser) args[0]);
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
    }

    private static InstanceSettings settings() {
        return (InstanceSettings) Proxy.newProxyInstance(InitialAdminTest.class.getClassLoader(),
                new Class<?>[] {InstanceSettings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "host" -> "video.example.org:9000";
                    case "publicUrl" -> "http://video.example.org:9000";
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
    }

    @Test
    public void presetPasswordIsUsedAndNothingPrinted() {
        assertNull(InitialAdmin.createIfMissing(users(false), settings(), "s3cret-pass", cheap));
        NewUser root = created.get(0);
        assertEquals("root", root.username());
        assertEquals(UserRole.ADMINISTRATOR, root.role());
        assertEquals("admin@video.example.org", root.email());
        assertTrue(cheap.verify("s3cret-pass", root.passwordHash()));
    }

    @Test
    public void withoutPresetAStrongPasswordIsGeneratedOnce() {
        UserStore users = users(false);
        String generated = InitialAdmin.createIfMissing(users, settings(), null, cheap);
        assertNotNull(generated);
        assertTrue(generated.length() >= 24);
        assertTrue(cheap.verify(generated, created.get(0).passwordHash()));
        assertNull("second start creates nothing", InitialAdmin.createIfMissing(users, settings(), null, cheap));
        assertEquals(1, created.size());
    }

    @Test
    public void anotherNodeCreatingRootFirstIsFine() {
        assertNull(InitialAdmin.createIfMissing(users(true), settings(), null, cheap));
        assertEquals(Optional.empty(), created.stream().findFirst());
    }
}
