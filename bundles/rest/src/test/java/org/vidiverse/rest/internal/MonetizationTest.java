package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.monetization.SupportLink;

public class MonetizationTest {
    private static final ActorRef CHANNEL = new ActorRef(3, "c", "C", "localhost", "http://localhost/video-channels/c");
    private static final ActorRef ACCOUNT = new ActorRef(2, "alice", "Alice", "localhost", "http://localhost/a/alice");
    private static final Video VIDEO = new Video(4, "430e98ad-bae9-4c22-9e88-bde4a4110815", "s", "v", null, null,
            VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 30, null, null, null, List.of("supporters-only"), false, true,
            true, false, 0, 0, 0, 0, true, "http://localhost/videos/watch/x", CHANNEL, ACCOUNT, Instant.EPOCH,
            Instant.EPOCH, Instant.EPOCH, null);

    private final List<Long> linksAsked = new ArrayList<>();
    private final List<AccessRequest> accessAsked = new ArrayList<>();
    private final Monetization monetization = new Monetization();

    private void install() {
        monetization.service = new MonetizationService() {
            @Override public boolean active() { return true; }
            @Override public AccessDecision checkAccess(AccessRequest request) {
                accessAsked.add(request);
                return AccessDecision.deny("Become a supporter", "https://tip.example/c");
            }
            @Override public List<SupportLink> supportLinks(long channelId) {
                linksAsked.add(channelId);
                return List.of(new SupportLink("link", "Tip jar", "https://tip.example/c"),
                        new SupportLink("payment-pointer", null, "$wallet.example/c"));
            }
        };
    }

    private static User user(long accountId, UserRole role) {
        return new User(accountId + 100, "u" + accountId, "u@example.org", true, role, false, null, -1, -1, "display",
                true, accountId, Instant.EPOCH, null);
    }

    @Test
    public void withoutMonetizationVideosAndChannelsHaveNoLinksAndNoAccessField() {
        Map<String, Object> json = monetization.links().video(new LinkedHashMap<>(), VIDEO);
        assertEquals(List.of(), json.get("supportLinks"));
        assertFalse(monetization.withAccess(json, VIDEO, Optional.empty()).containsKey("access"));
    }

    @Test
    public void linksAreAskedOncePerChannelForOneAnswer() {
        install();
        Monetization.Links links = monetization.links();
        Map<String, Object> first = links.video(new LinkedHashMap<>(), VIDEO);
        links.video(new LinkedHashMap<>(), VIDEO);
        Map<String, Object> channel = links.channel(new LinkedHashMap<>(), 3);
        assertEquals(List.of(3L), linksAsked);
        assertEquals(List.of(Map.of("kind", "link", "label", "Tip jar", "target", "https://tip.example/c"),
                new LinkedHashMap<>(Map.of("kind", "payment-pointer", "target", "$wallet.example/c")) {{
                    put("label", null);
                }}), first.get("supportLinks"));
        assertEquals(first.get("supportLinks"), channel.get("supportLinks"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theAccessHintTellsAnonymousCallersWhyAndWhere() {
        install();
        Map<String, Object> access = (Map<String, Object>) monetization.withAccess(new LinkedHashMap<>(), VIDEO,
                Optional.empty()).get("access");
        assertEquals(false, access.get("allowed"));
        assertEquals("Become a supporter", access.get("message"));
        assertEquals("https://tip.example/c", access.get("supportUrl"));
        assertNull(accessAsked.get(0).username());
        assertEquals(3, accessAsked.get(0).channelId());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theOwnerAndModeratorsAreAllowedWithoutAsking() {
        install();
        for (User user : List.of(user(2, UserRole.USER), user(9, UserRole.MODERATOR))) {
            Map<String, Object> access = (Map<String, Object>) monetization.withAccess(new LinkedHashMap<>(), VIDEO,
                    Optional.of(user)).get("access");
            assertEquals(true, access.get("allowed"));
        }
        assertEquals(List.of(), accessAsked);
        monetization.withAccess(new LinkedHashMap<>(), VIDEO, Optional.of(user(5, UserRole.USER)));
        assertEquals("u5", accessAsked.get(0).username());
    }
}
