package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.rest.internal.InteractionFakes.anonymous;
import static org.vidiverse.rest.internal.InteractionFakes.as;
import static org.vidiverse.rest.internal.PlaylistAndHistoryResourcesTest.assertInvalid;
import static org.vidiverse.rest.internal.PlaylistAndHistoryResourcesTest.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;

/** {@code DELETE /api/v1/users/{id}}: PeerTube's rules on who may delete whom. */
public class UserDeletionResourceTest {
    private final Map<Long, User> known = Map.of(
            101L, user(101, "root", UserRole.ADMINISTRATOR),
            102L, user(102, "admin2", UserRole.ADMINISTRATOR),
            103L, user(103, "mod", UserRole.MODERATOR),
            104L, user(104, "mod2", UserRole.MODERATOR),
            105L, user(105, "plain", UserRole.USER),
            106L, user(106, "plain2", UserRole.USER));
    private final List<Long> deleted = new ArrayList<>();
    private final UserStore users = InteractionFakes.proxy(UserStore.class, (name, args) -> switch (name) {
        case "findById" -> Optional.ofNullable(known.get((Long) args[0]));
        case "delete" -> deleted.add((Long) args[0]) ? null : null;
        default -> throw new UnsupportedOperationException(name);
    });
    private final UsersResource resource = new UsersResource(unused(LoginService.class), unused(UserAdmin.class),
            users, unused(ChannelStore.class), unused(InstanceSettings.class));

    @Test
    public void nobodyDeletesRootOrThemselvesAndModeratorsOnlyPlainUsers() {
        assertEquals(401, status(() -> resource.delete(anonymous(), "105")));
        assertEquals(403, status(() -> resource.delete(as(known.get(106L)), "105")));
        assertInvalid("id", () -> resource.delete(as(known.get(102L)), "abc"));
        assertEquals(404, status(() -> resource.delete(as(known.get(102L)), "999")));
        assertEquals(400, status(() -> resource.delete(as(known.get(102L)), "101")));
        assertEquals(400, status(() -> resource.delete(as(known.get(101L)), "101")));
        assertEquals(400, status(() -> resource.delete(as(known.get(102L)), "102")));
        assertEquals(403, status(() -> resource.delete(as(known.get(103L)), "104")));
        assertEquals(403, status(() -> resource.delete(as(known.get(103L)), "102")));
        assertTrue(deleted.isEmpty());

        assertEquals(204, resource.delete(as(known.get(103L)), "105").getStatus());
        assertEquals(204, resource.delete(as(known.get(102L)), "104").getStatus());
        assertEquals(List.of(105L, 104L), deleted);
    }

    private static User user(long id, String name, UserRole role) {
        return new User(id, name, name + "@example.org", true, role, false, null, -1, -1, "display", true, id - 100,
                Instant.EPOCH, null);
    }

    private static <T> T unused(Class<T> type) {
        return InteractionFakes.proxy(type, (name, args) -> {
            throw new UnsupportedOperationException(name);
        });
    }
}
