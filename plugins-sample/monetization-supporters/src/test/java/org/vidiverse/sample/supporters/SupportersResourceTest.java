package org.vidiverse.sample.supporters;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SupportersResourceTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final Fakes fakes = new Fakes();
    private Supporters supporters;
    private SupportersResource resource;

    @Before
    public void setUp() {
        supporters = new Supporters(temp.getRoot().toPath().resolve("supporters.txt"));
        resource = new SupportersResource(fakes.logins(), fakes.channelStore(), fakes.userStore(), supporters);
    }

    private static void assertProblem(int status, SupportersResource.Answer answer) {
        assertEquals(status, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertTrue(answer.body(), answer.body().contains("\"status\":" + status));
    }

    @Test
    public void theOwnerGrantsListsAndRevokes() {
        assertEquals(204, resource.granting("Bearer alice-token", "alice_channel", "bob").status());
        assertEquals(List.of("bob"), supporters.of(3));
        SupportersResource.Answer list = resource.listing("bearer alice-token", "alice_channel");
        assertEquals(200, list.status());
        assertEquals("{\"total\":1,\"data\":[{\"username\":\"bob\"}]}", list.body());
        assertEquals(204, resource.revoking("Bearer alice-token", "alice_channel", "bob").status());
        assertEquals(List.of(), supporters.of(3));
        assertEquals(204, resource.revoking("Bearer alice-token", "alice_channel", "bob").status());
    }

    @Test
    public void aModeratorMayManageToo() {
        assertEquals(204, resource.granting("Bearer mod-token", "alice_channel", "bob").status());
    }

    @Test
    public void othersAreRefused() {
        assertProblem(401, resource.granting(null, "alice_channel", "bob"));
        assertProblem(401, resource.granting("Bearer wrong", "alice_channel", "bob"));
        assertProblem(401, resource.listing("Basic abc", "alice_channel"));
        assertProblem(403, resource.granting("Bearer bob-token", "alice_channel", "bob"));
        assertProblem(403, resource.listing("Bearer bob-token", "alice_channel"));
        assertEquals(List.of(), supporters.of(3));
    }

    @Test
    public void unknownOrMalformedNamesAreReported() {
        assertProblem(404, resource.granting("Bearer alice-token", "nobody_channel", "bob"));
        assertProblem(404, resource.granting("Bearer alice-token", "alice_channel", "nobody"));
        assertProblem(400, resource.granting("Bearer alice-token", "alice_channel", "bad name"));
        assertProblem(400, resource.revoking("Bearer alice-token", "bad/channel", "bob"));
    }
}
