package org.vidiverse.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.UserUpdate;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.plugin.PluginNames;

public class ApiTypesTest {

    @Test
    public void peerTubeIdsMapBothWays() {
        assertEquals(VideoPrivacy.INTERNAL, VideoPrivacy.byId(4).orElseThrow());
        assertTrue(VideoPrivacy.byId(9).isEmpty());
        assertEquals("Published", VideoState.byId(1).orElseThrow().label());
        assertEquals(UserRole.MODERATOR, UserRole.byId(1).orElseThrow());
    }

    @Test
    public void playlistIdsAreThoseOfPeerTube() {
        assertEquals(VideoPlaylistPrivacy.UNLISTED, VideoPlaylistPrivacy.byId(2).orElseThrow());
        assertTrue(VideoPlaylistPrivacy.byId(4).isEmpty());
        assertEquals("Watch later", VideoPlaylistType.byId(2).orElseThrow().label());
        assertTrue(VideoPlaylistType.byId(3).isEmpty());
    }

    @Test
    public void usersMadeWithTheFormerConstructorRecordTheirHistory() {
        User user = new User(1, "a", "a@example.org", true, UserRole.USER, false, null, -1, -1, "display", true, 2,
                java.time.Instant.EPOCH, null);
        assertTrue(user.videosHistoryEnabled());
        assertEquals(null, new UserUpdate(null, null, null, null, null, null, null, null, null, null)
                .videosHistoryEnabled());
        assertEquals(UserRole.MODERATOR, UserUpdate.none().withRole(UserRole.MODERATOR).role());
    }

    @Test
    public void rolesCompareByPower() {
        assertTrue(UserRole.ADMINISTRATOR.atLeast(UserRole.MODERATOR));
        assertTrue(UserRole.MODERATOR.atLeast(UserRole.MODERATOR));
        assertFalse(UserRole.USER.atLeast(UserRole.MODERATOR));
    }

    @Test
    public void pageRequestReadsPeerTubeSortSyntax() {
        PageRequest desc = PageRequest.of(10, 25, "-publishedAt");
        assertEquals("publishedAt", desc.sort());
        assertTrue(desc.descending());
        assertFalse(PageRequest.of(0, 1, "name").descending());
    }

    @Test(expected = IllegalArgumentException.class)
    public void pageRequestRefusesTooLargePages() {
        new PageRequest(0, PageRequest.MAX_COUNT + 1, "name", false);
    }

    @Test
    public void pageMapsItsItemsAndKeepsTheTotal() {
        Page<String> page = new Page<>(42, List.of("a", "b")).map(String::toUpperCase);
        assertEquals(42, page.total());
        assertEquals(List.of("A", "B"), page.data());
    }

    @Test
    public void hostKeepsOnlyNonDefaultPorts() {
        InstanceIdentity plain = () -> "https://video.example.org";
        InstanceIdentity local = () -> "http://127.0.0.1:9001";
        InstanceIdentity explicitDefault = () -> "http://example.org:80";
        assertEquals("video.example.org", plain.host());
        assertEquals("127.0.0.1:9001", local.host());
        assertEquals("example.org", explicitDefault.host());
        assertEquals("root@127.0.0.1:9001", new ActorRef(1, "root", "root", local.host(), null).handle());
    }

    @Test
    public void verdictsKnowWhetherContentGoesIn() {
        assertTrue(Verdict.accept().accepted());
        assertTrue(Verdict.tag("t", List.of("x")).accepted());
        assertFalse(Verdict.hold("later").accepted());
        assertEquals("policy", Verdict.reject("no").by("policy").policy());
    }

    @Test
    public void pluginNamesPreferTheExplicitProperty() {
        Object service = new Object();
        assertEquals("mine", PluginNames.of(service, java.util.Map.of(PluginNames.NAME_PROPERTY, "mine")));
        assertEquals("Policy", PluginNames.of(service, java.util.Map.of("component.name", "org.example.Policy")));
        assertEquals("Object", PluginNames.of(service, java.util.Map.of()));
        assertEquals(7, PluginNames.rankingOf(java.util.Map.of("service.ranking", 7)));
        assertEquals(0, PluginNames.rankingOf(java.util.Map.of("service.ranking", "7")));
    }
}
