package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.VideoStore;

/**
 * Uploads as PeerTube clients send them, through to published renditions: the legacy multipart upload and the
 * resumable protocol, and the bad inputs, which leave no video and no file behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UploadIT {
    private static final int PORT = 9190;

    @Inject
    VideoStore videos;
    @Inject
    MediaStorage storage;
    @Inject
    JobStore jobs;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    private Http http() {
        return new Http(PORT);
    }

    private String rootToken() throws Exception {
        return http().login("root", Distribution.ROOT_PASSWORD);
    }

    private long channelId(String token) throws Exception {
        return http().get("/api/v1/users/me", token).json().path("videoChannels").get(0).path("id").asLong();
    }

    private Http.Answer legacyUpload(String token, Map<String, String> fields, String filename, byte[] file)
            throws Exception {
        TestMedia.Multipart body = TestMedia.multipart(fields, file == null ? null : "videofile", filename, file);
        return http().bytes("POST", "/api/v1/videos/upload", token, body.body(), "Content-Type", body.contentType());
    }

    private JsonNode awaitPublished(String uuid, String token) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode video = null;
        while (System.nanoTime() < deadline) {
            video = http().get("/api/v1/videos/" + uuid, token).json();
            int state = video.path("state").path("id").asInt();
            if (state == 1) {
                return video;
            }
            assertFalse("transcoding failed: " + video, state == 7);
            Thread.sleep(500);
        }
        throw new AssertionError("video " + uuid + " not published in time: " + video);
    }

    /** Files left in uploads/ once the pipeline is done (the original goes just after the video is published). */
    private long leftoversInUploads() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long left;
        do {
            try (Stream<Path> files = Files.walk(storage.uploads())) {
                left = files.filter(Files::isRegularFile).count();
            }
            if (left > 0) {
                Thread.sleep(200);
            }
        } while (left > 0 && System.nanoTime() < deadline);
        return left;
    }

    @Test
    public void multipartUploadBecomesHlsAndMp4Renditions() throws Exception {
        String token = rootToken();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Gradients");
        fields.put("channelId", String.valueOf(channelId(token)));
        fields.put("privacy", "1");
        fields.put("tags[]", "test");
        Http.Answer answer = legacyUpload(token, fields, "gradients.y4m", TestMedia.y4m(320, 180, 25, 75));
        assertEquals(answer.body(), 200, answer.status());
        String uuid = answer.json().path("video").path("uuid").asText();

        JsonNode video = awaitPublished(uuid, token);
        assertEquals(3, video.path("duration").asInt());
        JsonNode files = video.path("files");
        // 180p source: 144 and the source's own 180
        assertEquals(video.toString(), 2, files.size());
        assertEquals(180, files.get(0).path("resolution").path("id").asInt());
        assertTrue(files.get(0).path("size").asLong() > 0);
        assertTrue(files.get(0).path("fileUrl").asText().matches(".*/static/web-videos/[0-9a-f-]{36}-180\\.mp4"));
        JsonNode hls = video.path("streamingPlaylists").get(0);
        assertNotNull(hls);
        assertTrue(hls.path("playlistUrl").asText().endsWith("-master.m3u8"));
        assertEquals(2, hls.path("files").size());

        // the files exist where the URLs say, and the original is gone
        Path master = storage.hls(uuid).resolve(hls.path("playlistUrl").asText().replaceAll(".*/", ""));
        String masterText = Files.readString(master);
        assertTrue(masterText, masterText.contains("#EXT-X-STREAM-INF"));
        Path sha = storage.hls(uuid).resolve(hls.path("segmentsSha256Url").asText().replaceAll(".*/", ""));
        assertTrue(Files.readString(sha).contains("-fragmented.mp4"));
        assertTrue(Files.isRegularFile(storage.webVideos().resolve(files.get(0).path("fileUrl").asText()
                .replaceAll(".*/", ""))));
        assertEquals(0, leftoversInUploads());

        // the admin job list shows the finished transcoding job, in PeerTube's shape
        JsonNode completed = http().get("/api/v1/jobs/completed?jobType=video-transcoding&sort=-createdAt", token)
                .json();
        assertTrue(completed.toString(), completed.path("total").asLong() >= 1);
        JsonNode job = null;
        for (JsonNode j : completed.path("data")) {
            if (j.path("data").path("videoId").asLong() == video.path("id").asLong()) {
                job = j;
            }
        }
        assertNotNull(completed.toString(), job);
        assertEquals("completed", job.path("state").asText());
        assertEquals("video-transcoding", job.path("type").asText());
        assertEquals(100, job.path("progress").asInt());
        assertTrue(job.path("finishedOn").isTextual());
        assertEquals(0, http().get("/api/v1/jobs/active?jobType=video-transcoding", token).json()
                .path("total").asLong());
        assertEquals(400, http().get("/api/v1/jobs/sleeping", token).status());
        assertEquals(400, http().get("/api/v1/jobs/completed?jobType=mining", token).status());
        assertEquals(401, http().get("/api/v1/jobs/completed").status());
    }

    @Test
    public void processingShowsTheQueuePlaceThenThePercentageUntilPublished() throws Exception {
        String token = rootToken();
        long channel = channelId(token);
        // two videos queued behind a transcoding held back for a day: their places are known exactly
        List<Video> queued = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        for (String name : List.of("Queued first", "Queued second")) {
            Video video = videos.create(new NewVideo(channel, name, null, null, VideoPrivacy.PRIVATE,
                    VideoState.TO_TRANSCODE, 3, null, null, null, List.of(), false, true, true, false));
            queued.add(video);
            held.add(jobs.enqueue(MediaPipeline.TRANSCODING_JOB, "{\"videoId\":" + video.id()
                    + ",\"source\":\"uploads/none.mp4\"}", 1, Instant.now().plus(Duration.ofDays(1))).id());
        }
        try {
            JsonNode first = http().get("/api/v1/videos/" + queued.get(0).uuid() + "/processing", token).json();
            JsonNode second = http().get("/api/v1/videos/" + queued.get(1).uuid() + "/processing", token).json();
            assertEquals(first.toString(), 2, first.path("state").path("id").asInt());
            assertFalse(first.path("transcoding").path("running").asBoolean(true));
            assertEquals(0, first.path("transcoding").path("progress").asInt(-1));
            assertEquals(second.toString(), first.path("transcoding").path("jobsAhead").asInt() + 1,
                    second.path("transcoding").path("jobsAhead").asInt());

            // bad inputs
            String uuid = queued.get(0).uuid();
            assertEquals(401, http().get("/api/v1/videos/" + uuid + "/processing").status());
            String other = otherUserToken();
            Http.Answer refused = http().get("/api/v1/videos/" + uuid + "/processing", other);
            assertEquals(refused.body(), 403, refused.status());
            assertTrue(refused.contentType().startsWith("application/problem+json"));
            assertEquals(404, http().get("/api/v1/videos/" + UUID.randomUUID() + "/processing", token).status());
            assertEquals(400, http().get("/api/v1/videos/not-an-id!/processing", token).status());
        } finally {
            held.forEach(id -> jobs.failForGood(id, "held back by a test"));
            queued.forEach(v -> videos.delete(v.id()));
        }

        // a real upload: while it is processed, its transcoding is queued or running, and the percentage never goes
        // back; once published the job winds up (replaced files and the original go, followers are told), then
        // nothing shows
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Watched while processed");
        fields.put("channelId", String.valueOf(channel));
        fields.put("privacy", "1");
        Http.Answer answer = legacyUpload(token, fields, "watched.y4m", TestMedia.y4m(640, 360, 25, 100));
        assertEquals(answer.body(), 200, answer.status());
        String uuid = answer.json().path("video").path("uuid").asText();
        long deadline = System.nanoTime() + 180_000_000_000L;
        int lastPercent = -1;
        JsonNode processing;
        do {
            processing = http().get("/api/v1/videos/" + uuid + "/processing", token).json();
            int state = processing.path("state").path("id").asInt();
            if (state == 1) {
                break;
            }
            assertEquals(processing.toString(), 2, state);
            JsonNode transcoding = processing.path("transcoding");
            if (!transcoding.isNull()) {   // null for a moment between the job's end and the publication
                int percent = transcoding.path("progress").asInt();
                assertTrue(processing.toString(), percent >= 0 && percent <= 100);
                if (transcoding.path("running").asBoolean()) {
                    assertTrue(processing + " after " + lastPercent, percent >= lastPercent);
                    lastPercent = percent;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(processing.toString(), 1, processing.path("state").path("id").asInt());
        while (!processing.path("transcoding").isNull() && System.nanoTime() < deadline) {
            assertTrue(processing.toString(), processing.path("transcoding").path("running").asBoolean());
            Thread.sleep(100);
            processing = http().get("/api/v1/videos/" + uuid + "/processing", token).json();
        }
        assertTrue(processing.toString(), processing.path("transcoding").isNull());
        assertEquals(1, processing.path("state").path("id").asInt());
    }

    private String otherUserToken() throws Exception {
        String name = "viewer" + UUID.randomUUID().toString().substring(0, 6);
        Http.Answer created = http().json("POST", "/api/v1/users", rootToken(), "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"password\":\"a-long-password-1\",\"role\":2}");
        assertEquals(created.body(), 200, created.status());
        return http().login(name, "a-long-password-1");
    }

    @Test
    public void resumableUploadInChunksAndCancel() throws Exception {
        String token = rootToken();
        byte[] media = TestMedia.wav(2);
        String metadata = "{\"name\":\"Tone\",\"channelId\":" + channelId(token) + ",\"privacy\":1,"
                + "\"filename\":\"tone.wav\"}";
        Http.Answer opened = http().bytes("POST", "/api/v1/videos/upload-resumable", token,
                metadata.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-Upload-Content-Length", String.valueOf(media.length));
        assertEquals(opened.body(), 201, opened.status());
        String location = opened.header("Location");
        assertTrue(location, location.contains("upload_id="));

        int half = media.length / 2;
        Http.Answer first = http().bytes("PUT", location, token, Arrays.copyOfRange(media, 0, half),
                "Content-Range", "bytes 0-" + (half - 1) + "/" + media.length);
        assertEquals(308, first.status());
        assertEquals("bytes=0-" + (half - 1), first.header("Range"));
        // where to resume, as a client asks after losing its connection
        Http.Answer status = http().bytes("PUT", location, token, new byte[0],
                "Content-Range", "bytes */" + media.length);
        assertEquals(308, status.status());
        assertEquals("bytes=0-" + (half - 1), status.header("Range"));
        // a chunk that does not continue where the server is: told where to resume, nothing appended
        Http.Answer skip = http().bytes("PUT", location, token, new byte[10],
                "Content-Range", "bytes " + (half + 10) + "-" + (half + 19) + "/" + media.length);
        assertEquals(308, skip.status());
        assertEquals("bytes=0-" + (half - 1), skip.header("Range"));

        Http.Answer last = http().bytes("PUT", location, token, Arrays.copyOfRange(media, half, media.length),
                "Content-Range", "bytes " + half + "-" + (media.length - 1) + "/" + media.length);
        assertEquals(last.body(), 200, last.status());
        JsonNode audio = awaitPublished(last.json().path("video").path("uuid").asText(), token);
        assertEquals(0, audio.path("files").get(0).path("resolution").path("id").asInt());

        Http.Answer another = http().bytes("POST", "/api/v1/videos/upload-resumable", token,
                metadata.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-Upload-Content-Length", "1000");
        assertEquals(201, another.status());
        assertEquals(204, http().bytes("DELETE", another.header("Location"), token, null).status());
        assertEquals(404, http().bytes("PUT", another.header("Location"), token, new byte[10],
                "Content-Range", "bytes 0-9/1000").status());
        assertEquals(0, leftoversInUploads());
    }

    @Test
    public void badUploadsAreRefusedAndLeaveNothing() throws Exception {
        String token = rootToken();
        long channel = channelId(token);
        long before = videos.count();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Not a video");
        fields.put("channelId", String.valueOf(channel));

        Http.Answer text = legacyUpload(token, fields, "notes.mp4", "just some text, not media".getBytes());
        assertEquals(text.body(), 422, text.status());
        assertTrue(text.contentType().startsWith("application/problem+json"));

        assertEquals(401, legacyUpload(null, fields, "a.y4m", TestMedia.y4m(64, 64, 25, 5)).status());
        Http.Answer noFile = legacyUpload(token, fields, null, null);
        assertEquals(400, noFile.status());
        assertTrue(noFile.body(), noFile.json().path("invalid-params").has("videofile"));
        Map<String, String> noName = new LinkedHashMap<>(fields);
        noName.remove("name");
        assertEquals(400, legacyUpload(token, noName, "a.y4m", TestMedia.y4m(64, 64, 25, 5)).status());
        Map<String, String> unknownChannel = new LinkedHashMap<>(fields);
        unknownChannel.put("channelId", "999999");
        assertEquals(400, legacyUpload(token, unknownChannel, "a.y4m", TestMedia.y4m(64, 64, 25, 5)).status());
        Map<String, String> badPrivacy = new LinkedHashMap<>(fields);
        badPrivacy.put("privacy", "9");
        assertEquals(400, legacyUpload(token, badPrivacy, "a.y4m", TestMedia.y4m(64, 64, 25, 5)).status());

        Http.Answer noLength = http().bytes("POST", "/api/v1/videos/upload-resumable", token,
                ("{\"name\":\"x y z\",\"channelId\":" + channel + ",\"filename\":\"a.wav\"}").getBytes(),
                "Content-Type", "application/json");
        assertEquals(400, noLength.status());
        Http.Answer badId = http().bytes("PUT", "/api/v1/videos/upload-resumable?upload_id=nope", token,
                new byte[1], "Content-Range", "bytes 0-0/1");
        assertEquals(400, badId.status());

        Http.Answer empty = legacyUpload(token, fields, "empty.mp4", new byte[0]);
        assertEquals(empty.body(), 400, empty.status());
        assertTrue(empty.body(), empty.json().path("invalid-params").has("videofile"));
        // absurd dimensions (9000 pixels wide): refused at once, not left to fail in transcoding
        Http.Answer huge = legacyUpload(token, fields, "wide.y4m", TestMedia.y4m(9000, 64, 25, 3));
        assertEquals(huge.body(), 422, huge.status());
        assertTrue(huge.body(), huge.body().contains("at most 8192 pixels a side"));
        // a clip cut short in its middle still has what a codec needs; one cut inside its header has not
        byte[] clip = TestMedia.y4m(64, 64, 25, 5);
        Http.Answer truncated = legacyUpload(token, fields, "cut.y4m", java.util.Arrays.copyOf(clip, 20));
        assertEquals(truncated.body(), 422, truncated.status());

        // pictures the uploader chose: wrong type, unreadable, too large; each refused before anything is stored
        Http.Answer gif = pictureUpload(token, fields, clip, "thumbnailfile", "t.gif", TestMedia.png(8, 8,
                java.awt.Color.RED));
        assertEquals(gif.body(), 400, gif.status());
        assertEquals("body", gif.json().path("invalid-params").path("thumbnailfile").path("location").asText());
        Http.Answer garbage = pictureUpload(token, fields, clip, "previewfile", "p.png", "not a picture".getBytes());
        assertEquals(garbage.body(), 400, garbage.status());
        assertTrue(garbage.body(), garbage.json().path("invalid-params").has("previewfile"));
        Http.Answer hugePicture = pictureUpload(token, fields, clip, "thumbnailfile", "t.jpg",
                new byte[8 * 1024 * 1024 + 1]);
        assertEquals(hugePicture.body(), 400, hugePicture.status());

        // over the quota: refused before the body is stored (the announced length already exceeds it)
        assertEquals(200, http().bytes("POST", "/api/v1/users", token, ("{\"username\":\"tiny\",\"email\":"
                + "\"tiny@example.org\",\"password\":\"tiny-pass\",\"role\":2,\"videoQuota\":10000}").getBytes(),
                "Content-Type", "application/json").status());
        String tiny = http().login("tiny", "tiny-pass");
        Map<String, String> tinyFields = new LinkedHashMap<>(fields);
        tinyFields.put("channelId", String.valueOf(channelId(tiny)));
        Http.Answer overQuota = legacyUpload(tiny, tinyFields, "big.y4m", TestMedia.y4m(320, 180, 25, 10));
        assertEquals(overQuota.body(), 413, overQuota.status());
        assertEquals("quota_reached", overQuota.json().path("code").asText());

        assertEquals(before, videos.count());
        assertEquals(0, leftoversInUploads());
        try (Stream<Path> stills = Stream.concat(Files.list(storage.thumbnails()), Files.list(storage.previews()))) {
            assertTrue("no still left from a refused upload",
                    stills.noneMatch(p -> p.getFileName().toString().startsWith("upload-")));
        }
    }

    @Test
    public void theUploadersThumbnailAndPreviewReplaceTheFramesTaken() throws Exception {
        String token = rootToken();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Chosen pictures");
        fields.put("channelId", String.valueOf(channelId(token)));
        fields.put("privacy", "1");
        TestMedia.Multipart body = TestMedia.multipart(fields, java.util.List.of(
                new TestMedia.FilePart("videofile", "clip.y4m", TestMedia.y4m(160, 90, 25, 50)),
                new TestMedia.FilePart("thumbnailfile", "thumb.png", TestMedia.png(640, 360, java.awt.Color.RED)),
                new TestMedia.FilePart("previewfile", "preview.png", TestMedia.png(320, 320, java.awt.Color.BLUE))));
        Http.Answer answer = http().bytes("POST", "/api/v1/videos/upload", token, body.body(), "Content-Type",
                body.contentType());
        assertEquals(answer.body(), 200, answer.status());
        JsonNode video = awaitPublished(answer.json().path("video").path("uuid").asText(), token);

        java.awt.image.BufferedImage thumbnail = image(video.path("thumbnailPath").asText());
        assertEquals(280, thumbnail.getWidth());
        assertEquals(157, thumbnail.getHeight());
        assertTrue("the uploader's red, not a frame of the clip", isAbout(thumbnail.getRGB(140, 78), 0xff0000));
        java.awt.image.BufferedImage preview = image(video.path("previewPath").asText());
        assertEquals(850, preview.getWidth());
        assertEquals(480, preview.getHeight());
        assertTrue("the uploader's blue, scaled to cover and cropped", isAbout(preview.getRGB(425, 240), 0x0000ff));
        assertEquals(0, leftoversInUploads());
    }

    private Http.Answer pictureUpload(String token, Map<String, String> fields, byte[] clip, String field,
                                      String filename, byte[] picture) throws Exception {
        TestMedia.Multipart body = TestMedia.multipart(fields, java.util.List.of(
                new TestMedia.FilePart("videofile", "clip.y4m", clip),
                new TestMedia.FilePart(field, filename, picture)));
        return http().bytes("POST", "/api/v1/videos/upload", token, body.body(), "Content-Type", body.contentType());
    }

    private static java.awt.image.BufferedImage image(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + PORT + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(path, 200, answer.statusCode());
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(answer.body()));
    }

    /** JPEG moves colours a little: each channel within 40 of the expected one. */
    private static boolean isAbout(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 40) {
                return false;
            }
        }
        return true;
    }
}
