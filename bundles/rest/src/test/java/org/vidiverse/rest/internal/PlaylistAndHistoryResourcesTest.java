package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.vidiverse.rest.internal.InteractionFakes.anonymous;
import static org.vidiverse.rest.internal.InteractionFakes.as;

import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Response;

import org.junit.Test;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.model.VideoPrivacy;

/** The playlist and history resources' own rules: who may see and change what, and how inputs are read. */
public class PlaylistAndHistoryResourcesTest {
    private static final String JSON = "application/json";
    private static final long OWNER = 1;
    private static final long OTHER = 2;
    private static final long MODERATOR = 3;
    private static final long ADMIN = 4;

    private final InteractionFakes f = new InteractionFakes();
    private final PlaylistFakes p = new PlaylistFakes(f);
    private final VideoPlaylistsResource playlists = new VideoPlaylistsResource(p.store,
            () -> "https://" + InteractionFakes.HOST);
    private final PlaylistElementsResource elements = new PlaylistElementsResource(p.store, f.videoStore,
            InteractionFakes.proxy(org.vidiverse.api.store.WatchHistoryStore.class, (name, args) -> Map.of()));
    private final WatchingResource watching = new WatchingResource(f.historyStore, f.videoStore);

    @Test
    public void privatePlaylistsShowOnlyToTheirOwnerAndAdministrators() {
        VideoPlaylist mine = p.playlist(OWNER, VideoPlaylistPrivacy.PRIVATE, VideoPlaylistType.REGULAR);
        String id = String.valueOf(mine.id());
        assertEquals(401, status(() -> playlists.get(anonymous(), id)));
        assertEquals(403, status(() -> playlists.get(as(OTHER, UserRole.USER), id)));
        assertEquals(403, status(() -> playlists.get(as(MODERATOR, UserRole.MODERATOR), id)));
        assertEquals(mine.uuid(), playlists.get(as(ADMIN, UserRole.ADMINISTRATOR), id).get("uuid"));
        assertEquals(mine.uuid(), playlists.get(as(OWNER, UserRole.USER), mine.shortUuid()).get("uuid"));
        assertEquals(401, status(() -> elements.list(anonymous(), id, null, null)));
    }

    @Test
    public void unlistedPlaylistsAreFoundByUuidOnlyAndBadIdsAre400() {
        VideoPlaylist unlisted = p.playlist(OWNER, VideoPlaylistPrivacy.UNLISTED, VideoPlaylistType.REGULAR);
        assertEquals(404, status(() -> playlists.get(anonymous(), String.valueOf(unlisted.id()))));
        assertEquals(unlisted.id(), playlists.get(anonymous(), unlisted.uuid()).get("id"));
        assertEquals(400, status(() -> playlists.get(anonymous(), "toto")));
        assertEquals(404, status(() -> playlists.get(anonymous(), "42")));
        assertEquals(404, status(() -> playlists.get(anonymous(), "00000000-0000-0000-0000-0000000000ff")));
    }

    @Test
    public void theWatchLaterPlaylistCanBeNeitherChangedNorDeleted() {
        VideoPlaylist later = p.playlist(OWNER, VideoPlaylistPrivacy.PRIVATE, VideoPlaylistType.WATCH_LATER);
        String id = String.valueOf(later.id());
        assertEquals(400, status(() -> playlists.update(as(OWNER, UserRole.USER), id, JSON, "{\"displayName\":\"x\"}")));
        assertEquals(400, status(() -> playlists.delete(as(OWNER, UserRole.USER), id)));
        assertEquals(403, status(() -> playlists.delete(as(OTHER, UserRole.USER), String.valueOf(
                p.playlist(OWNER, VideoPlaylistPrivacy.PUBLIC, VideoPlaylistType.REGULAR).id()))));
        assertFalse(p.calls.contains("update") || p.calls.contains("delete"));
    }

    @Test
    public void moderatorsChangeAndDeletePlaylistsButOnlyAdministratorsTheirElements() {
        VideoPlaylist list = p.playlist(OWNER, VideoPlaylistPrivacy.PUBLIC, VideoPlaylistType.REGULAR);
        String id = String.valueOf(list.id());
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        assertEquals(204, playlists.update(as(MODERATOR, UserRole.MODERATOR), id, JSON, "{\"displayName\":\"x\"}")
                .getStatus());
        assertEquals(403, status(() -> elements.add(as(MODERATOR, UserRole.MODERATOR), id, JSON, "{\"videoId\":10}")));
        assertEquals(403, status(() -> elements.add(as(OTHER, UserRole.USER), id, JSON, "{\"videoId\":10}")));
        assertEquals(401, status(() -> elements.add(anonymous(), id, JSON, "{\"videoId\":10}")));
        assertTrue(p.elements.isEmpty());
        Map<String, Object> added = elements.add(as(ADMIN, UserRole.ADMINISTRATOR), id, JSON, "{\"videoId\":10}");
        assertEquals(Map.of("id", 100L), added.get("videoPlaylistElement"));
        assertEquals(204, playlists.delete(as(MODERATOR, UserRole.MODERATOR), id).getStatus());
    }

    @Test
    public void badElementInputsAre400NamingTheFieldAndUnknownOnes404() {
        VideoPlaylist list = p.playlist(OWNER, VideoPlaylistPrivacy.PRIVATE, VideoPlaylistType.REGULAR);
        String id = String.valueOf(list.id());
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        var owner = as(OWNER, UserRole.USER);
        assertInvalid("videoId", () -> elements.add(owner, id, JSON, "{}"));
        assertInvalid("videoId", () -> elements.add(owner, id, JSON, "{\"videoId\":\"not a video!\"}"));
        assertInvalid("videoId", () -> elements.add(owner, id, JSON, "{\"videoId\":[10]}"));
        assertInvalid("startTimestamp", () -> elements.add(owner, id, JSON, "{\"videoId\":10,\"startTimestamp\":-42}"));
        assertInvalid("stopTimestamp", () -> elements.add(owner, id, JSON, "{\"videoId\":10,\"stopTimestamp\":\"toto\"}"));
        assertEquals(404, status(() -> elements.add(owner, id, JSON, "{\"videoId\":42}")));
        assertEquals(404, status(() -> elements.add(owner, "42", JSON, "{\"videoId\":10}")));
        assertInvalid("playlistId", () -> elements.add(owner, "toto", JSON, "{\"videoId\":10}"));
        assertInvalid("playlistElementId", () -> elements.remove(owner, id, "toto"));
        assertEquals(404, status(() -> elements.remove(owner, id, "888")));
        assertInvalid("startPosition", () -> elements.reorder(owner, id, JSON, "{\"startPosition\":-1,\"insertAfterPosition\":0}"));
        assertInvalid("startPosition", () -> elements.reorder(owner, id, JSON, "{\"startPosition\":\"toto\",\"insertAfterPosition\":0}"));
        assertInvalid("insertAfterPosition", () -> elements.reorder(owner, id, JSON, "{\"startPosition\":1,\"insertAfterPosition\":-2}"));
        assertInvalid("reorderLength", () -> elements.reorder(owner, id, JSON, "{\"startPosition\":1,\"insertAfterPosition\":0,\"reorderLength\":0}"));
        assertTrue(p.elements.isEmpty());
        assertFalse(p.calls.contains("reorder"));
    }

    @Test
    public void playlistFormsAreCheckedBeforeAnythingIsWritten() {
        var user = as(OWNER, UserRole.USER);
        assertInvalid("displayName", () -> playlists.create(user, JSON, "{\"privacy\":3}"));
        assertInvalid("displayName", () -> playlists.create(user, JSON, "{\"displayName\":\"" + "s".repeat(300) + "\"}"));
        assertInvalid("displayName", () -> playlists.create(user, JSON, "{\"displayName\":42}"));
        assertInvalid("description", () -> playlists.create(user, JSON, "{\"displayName\":\"a\",\"description\":\"t\"}"));
        assertInvalid("privacy", () -> playlists.create(user, JSON, "{\"displayName\":\"a\",\"privacy\":45}"));
        assertInvalid("videoChannelId", () -> playlists.create(user, JSON, "{\"displayName\":\"a\",\"videoChannelId\":\"x\"}"));
        assertEquals(401, status(() -> playlists.create(anonymous(), JSON, "{\"displayName\":\"a\"}")));
        assertFalse(p.calls.contains("create"));
        Map<String, Object> created = playlists.create(user, "multipart/form-data; boundary=XyZ", "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"displayName\"\r\n\r\nFrom a form\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"thumbnailfile\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8binary\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"privacy\"\r\n\r\n3\r\n--XyZ--\r\n");
        assertTrue(created.containsKey("videoPlaylist"));

        PlaylistForm form = PlaylistForm.read(Bodies.fields("application/x-www-form-urlencoded",
                "displayName=Mine&videoChannelId=null&description="));
        assertTrue(form.channelCleared());
        assertTrue(form.descriptionCleared());
        assertNull(form.channelId());
        assertEquals("Mine", form.displayName());
    }

    @Test
    public void elementsOfVideosTheCallerMayNotSeeComeWithoutTheirVideo() {
        Video open = f.video(10, OTHER, VideoPrivacy.PUBLIC, true);
        Video hidden = f.video(11, OTHER, VideoPrivacy.PRIVATE, true);
        Video internal = f.video(12, OTHER, VideoPrivacy.INTERNAL, true);
        Video own = f.video(13, OWNER, VideoPrivacy.PRIVATE, true);
        User owner = InteractionFakes.user(OWNER, UserRole.USER, true);
        assertEquals(PlaylistJson.REGULAR, PlaylistJson.type(open, Optional.of(owner)));
        assertEquals(PlaylistJson.PRIVATE, PlaylistJson.type(hidden, Optional.of(owner)));
        assertEquals(PlaylistJson.REGULAR, PlaylistJson.type(internal, Optional.of(owner)));
        assertEquals(PlaylistJson.REGULAR, PlaylistJson.type(own, Optional.of(owner)));
        assertEquals(PlaylistJson.DELETED, PlaylistJson.type(null, Optional.of(owner)));
        assertEquals(PlaylistJson.PRIVATE, PlaylistJson.type(internal, Optional.empty()));
        assertEquals(PlaylistJson.PRIVATE, PlaylistJson.type(own, Optional.empty()));

        Map<String, Object> json = PlaylistJson.element(new VideoPlaylistElement(5, 1, 2, 3, null, hidden),
                Optional.of(owner), 40);
        assertNull(json.get("video"));
        assertEquals(2, json.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) PlaylistJson.element(new VideoPlaylistElement(6, 1, 3,
                null, null, open), Optional.of(owner), 40).get("video");
        assertEquals(Map.of("currentTime", 40), shown.get("userHistory"));
    }

    @Test
    public void watchingRecordsForLoggedInUsersWhoseHistoryIsOn() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PRIVATE, true);
        User on = InteractionFakes.user(OTHER, UserRole.USER, true);
        User off = InteractionFakes.user(MODERATOR, UserRole.USER, false);
        assertEquals(401, status(() -> watching.watching(anonymous(), "10", JSON, "{\"currentTime\":5}")));
        assertInvalid("currentTime", () -> watching.watching(as(on), "10", JSON, "{\"currentTime\":\"soon\"}"));
        assertInvalid("currentTime", () -> watching.watching(as(on), "10", JSON, "{\"currentTime\":-3}"));
        assertInvalid("currentTime", () -> watching.watching(as(on), "10", JSON, "{}"));
        assertEquals(403, status(() -> watching.watching(as(on), "11", JSON, "{\"currentTime\":5}")));
        assertEquals(404, status(() -> watching.watching(as(on), "99", JSON, "{\"currentTime\":5}")));
        assertEquals(409, status(() -> watching.watching(as(off), "10", JSON, "{\"currentTime\":5}")));
        assertTrue(f.history.isEmpty());
        assertEquals(204, watching.watching(as(on), "10", "application/x-www-form-urlencoded", "currentTime=7")
                .getStatus());
        assertEquals(Map.of(on.id() + "/10", 7), f.history);
    }

    /** The status the problem mapper answers for what {@code call} throws. */
    static int status(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return new ProblemMapper().toResponse(e).getStatus();
        }
        fail("expected a failure");
        return 0;
    }

    @SuppressWarnings("unchecked")
    static void assertInvalid(String param, Runnable call) {
        try {
            call.run();
            fail("accepted, expected a 400 on " + param);
        } catch (RuntimeException e) {
            Response response = new ProblemMapper().toResponse(e);
            assertEquals(e.getMessage(), 400, response.getStatus());
            Map<String, Object> body = (Map<String, Object>) response.getEntity();
            assertTrue(body.toString(), ((Map<String, Object>) body.getOrDefault("invalid-params", Map.of()))
                    .containsKey(param));
        }
    }
}
