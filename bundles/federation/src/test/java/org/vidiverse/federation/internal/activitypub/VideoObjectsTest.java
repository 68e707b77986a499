package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.federation.internal.activitypub.Fixtures.BASE;
import static org.vidiverse.federation.internal.activitypub.Fixtures.HOST;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.edited;
import static org.vidiverse.federation.internal.activitypub.Fixtures.fieldNames;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class VideoObjectsTest {
    private static final String UUID = "f1576c16-26a0-4ab3-9c7d-5ab21a47bece";
    private static final String URL = BASE + "/videos/watch/" + UUID;
    private static final String WEB = BASE + "/static/web-videos/";
    private static final String HLS = BASE + "/static/streaming-playlists/hls/" + UUID + "/";
    private static final String TORRENTS = BASE + "/lazy-static/torrents/";

    // ------------------------------------------------------------ parsing PeerTube's video

    @Test
    public void peerTubeVideoGivesItsFiveWebVideosWithSizesFpsTorrentsAndInfoHashes() throws Exception {
        RemoteVideo video = VideoObjects.parse(load("ap-video.json"), HOST).video();

        assertEquals(5, video.webVideos().size());
        assertEquals(new RemoteVideo.File(1080, 23073634, 30, WEB + "442f7863-400c-4333-a548-68a9db842d3e-1080.mp4",
                TORRENTS + "a4484bd1-c0cc-4291-a43f-8b2503d3518d-1080.torrent",
                "e084c514d64d84b41d7d7f9910317550ceaa8ac3"), video.webVideos().get(0));
        assertEquals(List.of(1080, 720, 480, 360, 240),
                video.webVideos().stream().map(RemoteVideo.File::resolution).toList());
        assertEquals(List.of(23073634L, 4947238L, 2315229L, 1596886L, 1075809L),
                video.webVideos().stream().map(RemoteVideo.File::size).toList());
        assertTrue(video.webVideos().stream().allMatch(f -> f.fps() == 30));
        assertEquals(List.of("e084c514d64d84b41d7d7f9910317550ceaa8ac3", "b1583998995d15fed05b4ed9e8b517996d66f44f",
                        "c1a27bbeace27b96bf381e927273986c40a634cb", "1bf9046c68b2ac7b7f57687bca55343324feae0e",
                        "7bfe7593896ad72ed4edff3abfd96cd974d0903c"),
                video.webVideos().stream().map(RemoteVideo.File::infoHash).toList());
        assertEquals(TORRENTS + "709ee682-7dbf-4750-b3f9-e9db2fe5b5c3-240.torrent",
                video.webVideos().get(4).torrentUrl());
    }

    @Test
    public void peerTubeVideoGivesItsHlsPlaylistWithSegmentHashesAndFiveFragmentedFiles() throws Exception {
        RemoteVideo video = VideoObjects.parse(load("ap-video.json"), HOST).video();

        assertEquals(HLS + "d545db71-6348-449a-9974-1ed0bd5f4530-master.m3u8", video.hlsPlaylistUrl());
        assertEquals(HLS + "9a5448fb-a917-4141-87af-f18f58c88dd7-segments-sha256.json", video.segmentsSha256Url());
        assertEquals(5, video.hlsFiles().size());
        assertEquals(new RemoteVideo.File(1080, 18153921, 30, HLS + "4b8bb1cd-73fe-4c47-b1d0-3fa97ffe28a3-1080-fragmented.mp4",
                TORRENTS + "795da479-446a-4f31-9e97-071b92487e93-1080-hls.torrent",
                "1b28c34221d721b0258b8632bdd2ca52480473c6"), video.hlsFiles().get(0));
        assertEquals(List.of(1080, 720, 480, 360, 240),
                video.hlsFiles().stream().map(RemoteVideo.File::resolution).toList());
        assertEquals("833a0b690ca881901dbdb2fd51198be0dd3367a1", video.hlsFiles().get(4).infoHash());
    }

    @Test
    public void peerTubeVideoGivesItsMetadataPicturesAndOwners() throws Exception {
        VideoObjects.ParsedVideo parsed = VideoObjects.parse(load("ap-video.json"), HOST);
        RemoteVideo video = parsed.video();

        assertEquals(URL, video.url());
        assertEquals(UUID, video.uuid());
        assertEquals("bench transcode run 2", video.name());
        assertEquals(30, video.durationSeconds());
        assertEquals(VideoPrivacy.PUBLIC, video.privacy());
        assertEquals(VideoState.PUBLISHED, video.state());
        assertEquals(0, video.views());
        assertFalse(video.nsfw());
        assertTrue(video.commentsEnabled());
        assertTrue(video.downloadEnabled());
        assertFalse(video.waitTranscoding());
        assertNull(video.description());
        assertNull(video.support());
        assertNull(video.category());
        assertEquals(List.of(), video.tags());
        assertEquals(Instant.parse("2026-11-23T23:11:23.392Z"), video.publishedAt());
        assertEquals(Instant.parse("2026-11-23T23:11:23.392Z"), video.updatedAt());
        assertNull(video.originallyPublishedAt());
        assertEquals(BASE + "/lazy-static/thumbnails/814464b4-8397-4c65-8b49-010b838867fa.jpg", video.thumbnailUrl());
        assertEquals(BASE + "/lazy-static/previews/4934f20d-97bb-4d94-a80a-996c5bcd4396.jpg", video.previewUrl());
        assertEquals(0, video.channelActorId());
        assertEquals(BASE + "/video-channels/root_channel", parsed.channelUrl());
        assertEquals(BASE + "/accounts/root", parsed.accountUrl());
    }

    @Test
    public void expectedHostNamesThePortAndIgnoresCase() throws Exception {
        assertEquals(UUID, VideoObjects.parse(load("ap-video.json"), "127.0.0.1:9001").video().uuid());
        try {
            VideoObjects.parse(load("ap-video.json"), "127.0.0.1:9002");
            org.junit.Assert.fail("another port is another instance");
        } catch (InvalidObjectException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("is not on 127.0.0.1:9002"));
        }
        ObjectNode named = edited("ap-video.json", v -> {
            v.put("id", "https://PeerTube.Example/videos/watch/" + UUID);
            v.set("attributedTo", tree(List.of(Map.of("type", "Person", "id", "https://peertube.example/accounts/a"),
                    Map.of("type", "Group", "id", "https://peertube.example/video-channels/c"))));
        });
        assertEquals(UUID, VideoObjects.parse(named, "peertube.example").video().uuid());
    }

    @Test
    public void optionalFieldsAreReadAsPeerTubeWritesThem() throws Exception {
        ObjectNode doc = edited("ap-video.json", v -> {
            v.set("to", tree(List.of()));
            v.set("cc", tree(List.of("https://www.w3.org/ns/activitystreams#Public")));
            v.set("category", tree(Map.of("identifier", "15", "name", "Science & Technology")));
            v.set("licence", tree(Map.of("identifier", "CC-BY-4.0", "name", "Attribution")));
            v.set("language", tree(Map.of("identifier", "fr", "name", "French")));
            v.set("tag", tree(List.of(Map.of("type", "Hashtag", "name", "#music"), Map.of("type", "Hashtag", "name", "x"),
                    Map.of("type", "Mention", "name", "@someone"))));
            v.put("content", "A **markdown** description");
            v.put("support", "Give");
            v.put("sensitive", true);
            v.put("commentsEnabled", true);
            v.put("commentsPolicy", 2);
            v.put("downloadEnabled", false);
            v.put("state", 2);
            v.put("views", 42);
            v.put("duration", "PT1H2M3S");
            v.put("originallyPublishedAt", "2020-01-02T03:04:05.000Z");
        });

        RemoteVideo video = VideoObjects.parse(doc, HOST).video();

        assertEquals(VideoPrivacy.UNLISTED, video.privacy());
        assertEquals(Integer.valueOf(15), video.category());
        assertNull("an SPDX licence is not mapped", video.licence());
        assertEquals("fr", video.language());
        assertEquals(List.of("music"), video.tags());
        assertEquals("A **markdown** description", video.description());
        assertEquals("Give", video.support());
        assertTrue(video.nsfw());
        assertFalse("commentsPolicy 2 is disabled", video.commentsEnabled());
        assertFalse(video.downloadEnabled());
        assertEquals(VideoState.TO_TRANSCODE, video.state());
        assertEquals(42, video.views());
        assertEquals(3723, video.durationSeconds());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), video.originallyPublishedAt());
    }

    @Test
    public void htmlDescriptionBecomesText() throws Exception {
        ObjectNode doc = edited("ap-video.json", v -> {
            v.put("mediaType", "text/html");
            v.put("content", "<p>Hello &amp; welcome</p><p>line<br>two</p>");
        });
        assertEquals("Hello & welcome\n\nline\ntwo", VideoObjects.parse(doc, HOST).video().description());
    }

    @Test
    public void filesOnAnotherHostAreAcceptedAndPortraitResolutionIsTheWidth() throws Exception {
        ObjectNode doc = edited("ap-video.json", v -> {
            ObjectNode first = (ObjectNode) v.get("url").get(1);
            first.put("href", "https://cdn.example/web-videos/a-1080.mp4");
            first.put("width", 608);
        });
        RemoteVideo.File file = VideoObjects.parse(doc, HOST).video().webVideos().get(0);
        assertEquals("https://cdn.example/web-videos/a-1080.mp4", file.fileUrl());
        assertEquals(608, file.resolution());
    }

    @Test
    public void magnetWithBase32InfoHashAndNoTorrentLinkStillGivesHashAndTorrent() throws Exception {
        String magnet = "magnet:?xs=" + java.net.URLEncoder.encode(TORRENTS + "t.torrent", "UTF-8")
                + "&xt=urn:btih:MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&dn=x";
        ObjectNode doc = edited("ap-video.json", v -> v.set("url", tree(List.of(
                Map.of("type", "Link", "mediaType", "video/mp4", "href", WEB + "a.mp4", "height", 480, "size", 10),
                Map.of("type", "Link", "mediaType", VideoLinks.MAGNET, "href", magnet, "height", 480)))));

        RemoteVideo.File file = VideoObjects.parse(doc, HOST).video().webVideos().get(0);

        assertEquals("6162636465666768696a6b6c6d6e6f7071727374", file.infoHash());   // "abcdefghijklmnopqrst"
        assertEquals(TORRENTS + "t.torrent", file.torrentUrl());
        assertEquals(0, file.fps());
    }

    @Test
    public void topLevelFileFlaggedOnlyFragmentedIsNotAWebVideo() throws Exception {
        ObjectNode doc = edited("ap-video.json", v -> ((ObjectNode) v.get("url").get(1).get("attachment").get(2))
                .put("value", "fragmented"));
        assertEquals(4, VideoObjects.parse(doc, HOST).video().webVideos().size());
    }

    // ------------------------------------------------------------ refusing bad videos

    @Test
    public void videoFromAnotherHostIsRefused() {
        assertRefused("Video id: " + URL + " is not on evil.example",
                () -> VideoObjects.parse(load("ap-video.json"), "evil.example"));
    }

    @Test
    public void videoWithoutUuidIsRefused() {
        assertRefused("Video uuid: missing", () -> VideoObjects.parse(edited("ap-video.json", v -> v.remove("uuid")), HOST));
        assertRefused("Video uuid: missing or not a UUID: 1234",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("uuid", "1234")), HOST));
    }

    @Test
    public void fileUrlThatIsNotHttpIsRefused() {
        ObjectNode web = edited("ap-video.json", v -> ((ObjectNode) v.get("url").get(1)).put("href", "file:///etc/passwd"));
        assertRefused("Video url: file href is not an http(s) URL: file:///etc/passwd", () -> VideoObjects.parse(web, HOST));
        ObjectNode hls = edited("ap-video.json", v -> ((ObjectNode) hlsLink(v).get("tag").get(6))
                .put("href", "javascript:alert(1)"));
        assertRefused("Video url: file href is not an http(s) URL: javascript:alert(1)",
                () -> VideoObjects.parse(hls, HOST));
        ObjectNode torrent = edited("ap-video.json", v -> ((ObjectNode) v.get("url").get(3)).put("href", "ftp://x/t.torrent"));
        assertRefused("Video url: torrent href is not an http(s) URL", () -> VideoObjects.parse(torrent, HOST));
    }

    @Test
    public void privateVideoIsRefused() {
        ObjectNode doc = edited("ap-video.json", v -> {
            v.set("to", tree(List.of(BASE + "/accounts/root/followers")));
            v.set("cc", tree(List.of()));
        });
        assertRefused("Video to/cc: not addressed to the public", () -> VideoObjects.parse(doc, HOST));
    }

    @Test
    public void garbageDurationIsRefused() {
        assertRefused("Video duration: not an ISO 8601 duration: thirty seconds",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("duration", "thirty seconds")), HOST));
        assertRefused("Video duration: not an ISO 8601 duration: null",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("duration", 30)), HOST));
    }

    @Test
    public void videoWithoutChannelOrAccountIsRefused() {
        assertRefused("Video attributedTo: no Group (channel)",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.remove("attributedTo")), HOST));
        assertRefused("Video attributedTo: no Person (account)",
                () -> VideoObjects.parse(edited("ap-video.json", v -> ((ArrayNode) v.get("attributedTo")).remove(0)), HOST));
    }

    @Test
    public void channelOnAnotherHostIsRefused() {
        ObjectNode doc = edited("ap-video.json", v -> ((ObjectNode) v.get("attributedTo").get(1))
                .put("id", "https://evil.example/video-channels/x"));
        assertRefused("Video attributedTo Group: https://evil.example/video-channels/x is not on " + HOST,
                () -> VideoObjects.parse(doc, HOST));
    }

    @Test
    public void oversizedNameIsRefused() {
        assertRefused("Video name: 121 characters, more than 120",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("name", "n".repeat(121))), HOST));
        assertRefused("Video: missing name",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("name", "   ")), HOST));
    }

    @Test
    public void videoWithoutAnyRenditionIsRefused() {
        ObjectNode doc = edited("ap-video.json", v -> v.set("url", tree(List.of(
                Map.of("type", "Link", "mediaType", "text/html", "href", URL)))));
        assertRefused("Video url: no video/mp4 link", () -> VideoObjects.parse(doc, HOST));
        assertRefused("Video url: not a list of links",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("url", URL)), HOST));
    }

    @Test
    public void notAVideoIsRefused() {
        assertRefused("Video type: not a Video: Note",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.put("type", "Note")), HOST));
        assertRefused("Video: missing published",
                () -> VideoObjects.parse(edited("ap-video.json", v -> v.remove("published")), HOST));
    }

    // ------------------------------------------------------------ rendering ours

    @Test
    public void renderedVideoHasPeerTubesFieldsInPeerTubesOrder() {
        JsonNode ours = tree(render(localVideo()));
        List<String> expected = fieldNames(load("ap-video.json"));
        // left out: we have no storyboard, do not know the aspect ratio, and serve no chapters
        expected.removeAll(List.of("preview", "aspectRatio", "hasParts"));
        assertEquals(expected, fieldNames(ours));
    }

    @Test
    public void renderedVideoHasPeerTubesValues() {
        JsonNode ours = tree(render(localVideo()));
        JsonNode theirs = load("ap-video.json");
        for (String field : List.of("@context", "to", "cc", "type", "id", "name", "duration", "uuid", "views",
                "sensitive", "waitTranscoding", "state", "commentsEnabled", "canReply", "commentsPolicy",
                "downloadEnabled", "published", "originallyPublishedAt", "updated", "tag", "mediaType", "content",
                "support", "subtitleLanguage", "likes", "dislikes", "shares", "comments", "attributedTo",
                "isLiveBroadcast", "liveSaveReplay", "permanentLive", "latencyMode")) {
            assertEquals(field, theirs.get(field), ours.get(field));
        }
        assertEquals(BASE + "/lazy-static/thumbnails/" + UUID + ".jpg", ours.at("/icon/0/url").asText());
        for (String field : List.of("type", "mediaType", "width", "height")) {
            assertEquals(theirs.at("/icon/0/" + field), ours.at("/icon/0/" + field));
            assertEquals(theirs.at("/icon/1/" + field), ours.at("/icon/1/" + field));
        }
    }

    @Test
    public void renderedLinksAreExactlyPeerTubesButForMetadataLinksAndWidths() {
        JsonNode ours = tree(render(localVideo())).get("url");
        JsonNode theirs = withoutMetadataAndWidths(load("ap-video.json").get("url"));
        assertEquals(mediaTypes(theirs), mediaTypes(ours));
        assertEquals(mediaTypes(hlsLink(theirs).get("tag")), mediaTypes(hlsLink(ours).get("tag")));
        assertEquals(theirs, ours);   // hrefs, magnets, attachments, Infohash tags, sha256, trackers
    }

    @Test
    public void unlistedVideoIsOnlyCcPublicAndPrivateVideoIsNotRendered() {
        Map<String, Object> unlisted = render(withPrivacy(localVideo(), VideoPrivacy.UNLISTED));
        assertEquals(List.of(), unlisted.get("to"));
        assertEquals(List.of(ApContext.PUBLIC), unlisted.get("cc"));
        try {
            render(withPrivacy(localVideo(), VideoPrivacy.PRIVATE));
            throw new AssertionError("a private video was rendered");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("PRIVATE"));
        }
    }

    @Test
    public void renderedVideoOfOursParsesBackToTheSameVideo() throws Exception {
        Video local = withMetadata(localVideo());

        VideoObjects.ParsedVideo parsed = VideoObjects.parse(tree(render(local)), HOST);
        RemoteVideo back = parsed.video();

        assertEquals(local.url(), back.url());
        assertEquals(local.uuid(), back.uuid());
        assertEquals(local.name(), back.name());
        assertEquals(local.description(), back.description());
        assertEquals(local.support(), back.support());
        assertEquals(local.duration(), back.durationSeconds());
        assertEquals(local.category(), back.category());
        assertEquals(local.licence(), back.licence());
        assertEquals(local.language(), back.language());
        assertEquals(local.tags(), back.tags());
        assertEquals(local.nsfw(), back.nsfw());
        assertEquals(local.commentsEnabled(), back.commentsEnabled());
        assertEquals(local.downloadEnabled(), back.downloadEnabled());
        assertEquals(local.waitTranscoding(), back.waitTranscoding());
        assertEquals(local.privacy(), back.privacy());
        assertEquals(local.state(), back.state());
        assertEquals(local.views(), back.views());
        assertEquals(local.publishedAt(), back.publishedAt());
        assertEquals(local.updatedAt(), back.updatedAt());
        assertEquals(local.originallyPublishedAt(), back.originallyPublishedAt());
        assertEquals(BASE + "/lazy-static/thumbnails/" + UUID + ".jpg", back.thumbnailUrl());
        assertEquals(BASE + "/lazy-static/previews/" + UUID + ".jpg", back.previewUrl());
        assertEquals(local.channel().url(), parsed.channelUrl());
        assertEquals(local.account().url(), parsed.accountUrl());
        assertEquals(files(webVideoFiles(), WEB), back.webVideos());
        assertEquals(HLS + "d545db71-6348-449a-9974-1ed0bd5f4530-master.m3u8", back.hlsPlaylistUrl());
        assertEquals(HLS + "9a5448fb-a917-4141-87af-f18f58c88dd7-segments-sha256.json", back.segmentsSha256Url());
        assertEquals(files(hlsFiles(), HLS), back.hlsFiles());
    }

    @Test
    public void fileWithoutTorrentHasNoTorrentLinks() throws Exception {
        List<VideoFile> files = List.of(new VideoFile(1, 1, 720, 99, 25, ".mp4", null, "a-720.mp4", null, null));
        Map<String, Object> rendered = VideoObjects.render(localVideo(), files, Optional.empty(), BASE);
        assertEquals(List.of("text/html", "video/mp4", "tracker-http", "tracker-websocket"),
                mediaTypes(tree(rendered).get("url")));
        RemoteVideo.File back = VideoObjects.parse(tree(rendered), HOST).video().webVideos().get(0);
        assertEquals(new RemoteVideo.File(720, 99, 25, WEB + "a-720.mp4", null, null), back);
    }

    // ------------------------------------------------------------ helpers

    private static Map<String, Object> render(Video video) {
        List<VideoFile> files = new ArrayList<>(webVideoFiles());
        files.addAll(hlsFiles());
        HlsPlaylist hls = new HlsPlaylist(7, 1, "d545db71-6348-449a-9974-1ed0bd5f4530-master.m3u8",
                "9a5448fb-a917-4141-87af-f18f58c88dd7-segments-sha256.json");
        return VideoObjects.render(video, files, Optional.of(hls), BASE);
    }

    /** The video of ap-video.json as our store holds it. */
    static Video localVideo() {
        Instant published = Instant.parse("2026-11-23T23:11:23.392Z");
        ActorRef channel = new ActorRef(2, "root_channel", "Main root channel", HOST, BASE + "/video-channels/root_channel");
        ActorRef account = new ActorRef(1, "root", "root", HOST, BASE + "/accounts/root");
        return new Video(1, UUID, "xyz", "bench transcode run 2", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 30, null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, true,
                URL, channel, account, published, published, published, null);
    }

    private static Video withMetadata(Video v) {
        return new Video(v.id(), v.uuid(), v.shortUuid(), v.name(), "A *description*", "Support me", VideoPrivacy.UNLISTED,
                VideoState.PUBLISHED, 754, 15, 7, "fr", List.of("music", "live"), true, false, false, true, 12, 0, 0,
                0, true, v.url(), v.channel(), v.account(), v.createdAt(), Instant.parse("2026-11-24T01:02:03.004Z"),
                v.publishedAt(), Instant.parse("2019-05-06T07:08:09.010Z"));
    }

    private static Video withPrivacy(Video v, VideoPrivacy privacy) {
        return new Video(v.id(), v.uuid(), v.shortUuid(), v.name(), v.description(), v.support(), privacy, v.state(),
                v.duration(), v.category(), v.licence(), v.language(), v.tags(), v.nsfw(), v.commentsEnabled(),
                v.downloadEnabled(), v.waitTranscoding(), v.views(), 0, 0, 0, true, v.url(), v.channel(), v.account(),
                v.createdAt(), v.updatedAt(), v.publishedAt(), v.originallyPublishedAt());
    }

    private static List<VideoFile> webVideoFiles() {
        return List.of(
                file(11, 240, 1075809, null, "f244266e-3dea-4933-83c9-e379d8827549-240.mp4",
                        "709ee682-7dbf-4750-b3f9-e9db2fe5b5c3-240.torrent", "7bfe7593896ad72ed4edff3abfd96cd974d0903c"),
                file(12, 1080, 23073634, null, "442f7863-400c-4333-a548-68a9db842d3e-1080.mp4",
                        "a4484bd1-c0cc-4291-a43f-8b2503d3518d-1080.torrent", "e084c514d64d84b41d7d7f9910317550ceaa8ac3"),
                file(13, 720, 4947238, null, "7d0c516d-844a-4dfa-86ae-e2a7a34bc0e6-720.mp4",
                        "67f0e4ee-5d03-4e8f-8950-17da799ef0db-720.torrent", "b1583998995d15fed05b4ed9e8b517996d66f44f"),
                file(14, 480, 2315229, null, "732e52e5-e485-41a0-8f2b-abbb7925821e-480.mp4",
                        "18e48d43-ae90-4f96-aa3f-900cce310aec-480.torrent", "c1a27bbeace27b96bf381e927273986c40a634cb"),
                file(15, 360, 1596886, null, "9de56852-7383-403d-9180-2539b59b27a1-360.mp4",
                        "7a103923-53f4-4750-95d5-ef0062160389-360.torrent", "1bf9046c68b2ac7b7f57687bca55343324feae0e"));
    }

    private static List<VideoFile> hlsFiles() {
        return List.of(
                file(21, 1080, 18153921, 7L, "4b8bb1cd-73fe-4c47-b1d0-3fa97ffe28a3-1080-fragmented.mp4",
                        "795da479-446a-4f31-9e97-071b92487e93-1080-hls.torrent", "1b28c34221d721b0258b8632bdd2ca52480473c6"),
                file(22, 720, 4933612, 7L, "5fc52b3f-bf62-4706-8658-ca25dc39c71c-720-fragmented.mp4",
                        "88f73a71-542d-4392-874d-ec36d6b3ded5-720-hls.torrent", "9b666adcdde9eeacbaf25ff4cbfb723815ef6df6"),
                file(23, 480, 2302651, 7L, "dacbf78c-dfbe-493d-a128-82d9ad1ab905-480-fragmented.mp4",
                        "e8a11697-c6ca-4595-a6f3-d50b1cbbb5b7-480-hls.torrent", "e7a5c9cee54eb673b8cbe6dbdd4fe9d7c805b19c"),
                file(24, 360, 1584364, 7L, "620c3b85-f359-46ff-9638-0f92aba7a1fd-360-fragmented.mp4",
                        "731fafb6-172c-4af2-a473-3f4dbe4b48e3-360-hls.torrent", "fcc43152b1d1c89cc4458614f5a32bf34025832f"),
                file(25, 240, 1062703, 7L, "6ec27bdd-9f54-4a44-8f6c-3b66f10c73b5-240-fragmented.mp4",
                        "dffd1ab6-cc3d-4686-91f3-708f6e8fed1b-240-hls.torrent", "833a0b690ca881901dbdb2fd51198be0dd3367a1"));
    }

    private static VideoFile file(long id, int resolution, long size, Long playlist, String filename, String torrent,
                                  String infoHash) {
        return new VideoFile(id, 1, resolution, size, 30, ".mp4", playlist, filename, torrent, infoHash);
    }

    /** The remote files a peer reads from our rendering of {@code files}, highest first. */
    private static List<RemoteVideo.File> files(List<VideoFile> files, String folder) {
        return files.stream()
                .sorted((a, b) -> b.resolution() - a.resolution())
                .map(f -> new RemoteVideo.File(f.resolution(), f.size(), f.fps(), folder + f.filename(),
                        TORRENTS + f.torrentFilename(), f.infoHash()))
                .toList();
    }

    private static JsonNode hlsLink(JsonNode urls) {
        for (JsonNode link : urls) {
            if (VideoLinks.HLS.equals(link.path("mediaType").asText())) {
                return link;
            }
        }
        throw new AssertionError("no HLS link");
    }

    private static ObjectNode hlsLink(ObjectNode video) {
        return (ObjectNode) hlsLink(video.get("url"));
    }

    /** Each link's media type, or its name when it has none (trackers). */
    private static List<String> mediaTypes(JsonNode links) {
        List<String> types = new ArrayList<>();
        links.forEach(l -> types.add(l.has("mediaType") ? l.get("mediaType").asText() : l.path("name").asText()));
        return types;
    }

    /** PeerTube's links without the file metadata links (we serve no metadata) and without widths (we omit them). */
    private static JsonNode withoutMetadataAndWidths(JsonNode links) {
        ArrayNode copy = ((ArrayNode) links).deepCopy();
        for (Iterator<JsonNode> it = copy.iterator(); it.hasNext(); ) {
            JsonNode link = it.next();
            if (link.path("rel").toString().contains("metadata")) {
                it.remove();
                continue;
            }
            ((ObjectNode) link).remove("width");
            if (link.has("tag")) {
                ((ObjectNode) link).set("tag", withoutMetadataAndWidths(link.get("tag")));
            }
        }
        return copy;
    }
}
