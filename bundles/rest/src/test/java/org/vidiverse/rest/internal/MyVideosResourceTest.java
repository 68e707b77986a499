package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Problem;

public class MyVideosResourceTest {
    private final InteractionFakes fx = new InteractionFakes();
    private final List<VideoQuery> asked = new ArrayList<>();
    private final VideoStore store = InteractionFakes.proxy(VideoStore.class, (name, args) -> {
        if (!name.equals("list")) {
            throw new UnsupportedOperationException(name);
        }
        asked.add((VideoQuery) args[0]);
        Video own = fx.video(1, 7, VideoPrivacy.PRIVATE, true);
        return new Page<>(1, List.of(own));
    });
    private final MyVideosResource resource = new MyVideosResource(store);

    @Test
    @SuppressWarnings("unchecked")
    public void listsTheCallersVideosInEveryPrivacyAndStateUnfiltered() {
        Map<String, Object> json = resource.list(InteractionFakes.as(7, UserRole.USER), null, null, null, null);
        assertEquals(1L, ((Number) json.get("total")).longValue());
        assertEquals(1, ((List<Map<String, Object>>) json.get("data")).size());
        VideoQuery q = asked.get(0);
        assertEquals(Long.valueOf(7), q.accountId());
        assertEquals(EnumSet.allOf(VideoPrivacy.class), q.privacies());
        assertEquals(EnumSet.allOf(VideoState.class), q.states());
        assertNull("nothing hidden from the owner", q.moderatedFor());
    }

    @Test
    public void anonymousCallersAndBadChannelIdsAreRefused() {
        try {
            resource.list(InteractionFakes.anonymous(), null, null, null, null);
            fail("anonymous listing");
        } catch (Problem p) {
            assertEquals(401, p.status());
        }
        try {
            resource.list(InteractionFakes.as(7, UserRole.USER), null, null, null, "abc");
            fail("bad channelId");
        } catch (Problem p) {
            assertEquals(400, p.status());
            assertTrue(p.invalidParams().containsKey("channelId"));
        }
        resource.list(InteractionFakes.as(7, UserRole.USER), "0", "10", "-createdAt", "12");
        assertEquals(Long.valueOf(12), asked.get(0).channelId());
    }
}
