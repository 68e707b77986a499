package org.vidiverse.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;

/**
 * PeerTube's resumable upload ({@code /api/v1/videos/upload-resumable}, the protocol of its web client): {@code POST}
 * with the metadata and {@code X-Upload-Content-Length} opens a session and answers its {@code Location};
 * {@code PUT}s with {@code Content-Range: bytes start-end/total} append chunks, each answered
 * {@code 308 Resume Incomplete} with the {@code Range} received so far, the last one with the created video;
 * {@code PUT} with {@code Content-Range: bytes *}{@code /total} and no body asks where to resume; {@code DELETE}
 * cancels. Sessions live in the media folder ({@code uploads/resumable/}), so an upload resumes after a restart.
 */
@Component(service = Object.class, property = "vidiverse.jaxrs.resource=true")
@javax.ws.rs.Path("/api/v1/videos/upload-resumable")
public final class ResumableUploadResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS = Pattern.compile("bytes \\*/(\\d+)");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int RESUME_INCOMPLETE = 308;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaPipeline pipeline;
    private final MediaStorage storage;
    private final ChannelStore channels;
    private final UserStore users;
    private final InstanceIdentity instance;
    private final ContentModeration moderation;
    /** One request at a time per session: chunks of one upload never interleave. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    @Activate
    public ResumableUploadResource(@Reference MediaPipeline pipeline, @Reference MediaStorage storage,
                                   @Reference ChannelStore channels, @Reference UserStore users,
                                   @Reference InstanceIdentity instance,
                                   @Reference ContentModeration moderation) {
        this.moderation = moderation;
        this.pipeline = pipeline;
        this.storage = storage;
        this.channels = channels;
        this.users = users;
        this.instance = instance;
    }

    /** A session: who uploads what, stored beside the bytes received. */
    record Session(long userId, long size, String filename, Map<String, Object> metadata) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response open(@Context SecurityContext security, @HeaderParam("X-Upload-Content-Length") String length,
                         Map<String, Object> metadata) throws IOException {
        User user = Caller.require(security);
        if (metadata == null) {
            throw Problem.badRequest("The body must be the video's metadata as JSON");
        }
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) == 0) {
            throw new InvalidInputException("X-Upload-Content-Length", "X-Upload-Content-Length must be the file size");
        }
        long size = Long.parseLong(length);
        Object filename = metadata.get("filename");
        if (!(filename instanceof String name) || name.isBlank() || name.length() > 255) {
            throw new InvalidInputException("filename", "filename is required");
        }
        // checked now, before a byte is sent, and again when the upload completes
        moderation.checkUpload(user, VideoUploads.metadata(metadata, user, channels));
        long max = pipeline.maxUploadBytes();
        if (max >= 0 && size > max) {
            throw new Problem(VideoUploads.TOO_LARGE, "The upload is larger than " + max + " bytes", null, null);
        }
        VideoUploads.checkQuota(user, size, users);
        String id = HexFormat.of().formatHex(randomBytes());
        Path dir = sessions();
        Path tmp = Files.createTempFile(dir, id, ".json.tmp");
        JSON.writeValue(tmp.toFile(), new Session(user.id(), size, name, new HashMap<>(metadata)));
        Files.move(tmp, dir.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        return Response.status(201).header("Location", instance.publicUrl() + "/api/v1/videos/upload-resumable?upload_id=" + id)
                .header("Content-Length", "0").build();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response chunk(@Context SecurityContext security, @QueryParam("upload_id") String id,
                          @HeaderParam("Content-Range") String contentRange, InputStream body) throws IOException {
        User user = Caller.require(security);
        synchronized (lock(id)) {
            Session session = session(id, user);
            Path part = sessions().resolve(id + ".part");
            long received = Files.exists(part) ? Files.size(part) : 0;
            if (contentRange == null) {
                throw new InvalidInputException("Content-Range", "Content-Range is required");
            }
            Matcher status = STATUS.matcher(contentRange.trim());
            if (status.matches()) {
                return incomplete(received);
            }
            Matcher range = RANGE.matcher(contentRange.trim());
            if (!range.matches() || Long.parseLong(range.group(3)) != session.size()
                    || Long.parseLong(range.group(2)) < Long.parseLong(range.group(1))
                    || Long.parseLong(range.group(2)) >= session.size()) {
                throw new InvalidInputException("Content-Range", "Content-Range must be bytes start-end/"
                        + session.size());
            }
            if (Long.parseLong(range.group(1)) != received) {
                return incomplete(received);   // the client resends from where the server is
            }
            received = VideoUploads.append(body, part, Long.parseLong(range.group(2)) + 1);
            if (received < session.size()) {
                return incomplete(received);
            }
            NewVideo video = VideoUploads.metadata(session.metadata(), user, channels);
            org.vidiverse.api.moderation.Verdict verdict;
            try {
                verdict = moderation.checkUpload(user, video);
            } catch (RuntimeException refused) {
                // refused now (a policy changed meanwhile): the session ends and its bytes go
                Files.deleteIfExists(part);
                Files.deleteIfExists(sessions().resolve(id + ".json"));
                locks.remove(id);
                throw refused;
            }
            Path file = sessions().resolve(id + ".complete");
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(sessions().resolve(id + ".json"));
            locks.remove(id);
            return VideoUploads.accept(pipeline, moderation, user, verdict, video, session.metadata(), file,
                    session.filename(), Map.of());
        }
    }

    @DELETE
    public Response cancel(@Context SecurityContext security, @QueryParam("upload_id") String id) throws IOException {
        User user = Caller.require(security);
        synchronized (lock(id)) {
            session(id, user);
            Files.deleteIfExists(sessions().resolve(id + ".part"));
            Files.deleteIfExists(sessions().resolve(id + ".json"));
            locks.remove(id);
            return Response.noContent().build();
        }
    }

    private Object lock(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("upload_id", "upload_id is required");
        }
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private Session session(String id, User user) throws IOException {
        Path file = sessions().resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            throw Problem.notFound("No upload session " + id);
        }
        Session session = JSON.readValue(file.toFile(), Session.class);
        if (session.userId() != user.id()) {
            throw Problem.forbidden("This upload session belongs to another user");
        }
        return session;
    }

    private static Response incomplete(long received) {
        Response.ResponseBuilder r = Response.status(RESUME_INCOMPLETE).header("Content-Length", "0");
        if (received > 0) {
            r.header("Range", "bytes=0-" + (received - 1));
        }
        return r.build();
    }

    private Path sessions() throws IOException {
        return Files.createDirectories(storage.uploads().resolve("resumable"));
    }
}
