package org.vidiverse.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
 * PeerTube's legacy upload, {@code POST /api/v1/videos/upload} as {@code multipart/form-data}: the servlet
 * container streams the parts to disk (the REST servlet is registered with multipart support), the announced
 * length is checked against the size limit and the quota before the body is read, and the file moves to the media
 * folder before the pipeline takes it.
 */
@Component(service = Object.class, property = "vidiverse.jaxrs.resource=true")
@javax.ws.rs.Path("/api/v1/videos/upload")
public final class UploadResource {
    private final MediaPipeline pipeline;
    private final MediaStorage storage;
    private final ChannelStore channels;
    private final UserStore users;
    private final ContentModeration moderation;

    @Activate
    public UploadResource(@Reference MediaPipeline pipeline, @Reference MediaStorage storage,
                          @Reference ChannelStore channels, @Reference UserStore users,
                          @Reference ContentModeration moderation) {
        this.moderation = moderation;
        this.pipeline = pipeline;
        this.storage = storage;
        this.channels = channels;
        this.users = users;
    }

    /** Room for the metadata fields and part headers around the file in a multipart body. */
    static final long MULTIPART_SLACK = 64 * 1024;

    /** {@code tags[]} and {@code tags[0]} (how PeerTube's own client sends arrays) are list items of {@code tags}. */
    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("(.+)\\[\\d*\\]");

    /** Adds a text field; a name seen twice, or with a list suffix, becomes a list in the order received. */
    static void addField(Map<String, Object> fields, String rawName, String value) {
        java.util.regex.Matcher item = LIST_ITEM.matcher(rawName);
        boolean listItem = item.matches();
        String name = listItem ? item.group(1) : rawName;
        Object known = fields.get(name);
        if (known instanceof List<?> list) {
            @SuppressWarnings("unchecked") List<Object> values = (List<Object>) list;
            values.add(value);
        } else if (known != null || listItem) {
            List<Object> values = new ArrayList<>();
            if (known != null) {
                values.add(known);
            }
            values.add(value);
            fields.put(name, values);
        } else {
            fields.put(name, value);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@Context SecurityContext security, @Context HttpServletRequest request) throws IOException {
        User user = Caller.require(security);
        long announced = request.getContentLengthLong();
        long max = pipeline.maxUploadBytes();
        if (max >= 0 && announced > max) {
            throw new Problem(VideoUploads.TOO_LARGE, "The upload is larger than " + max + " bytes", null, null);
        }
        if (announced > MULTIPART_SLACK) {
            // before the container stores the body: an upload far over the quota is refused unread
            VideoUploads.checkQuota(user, announced - MULTIPART_SLACK, users);
        }
        Map<String, Object> fields = new HashMap<>();
        Part videofile = null;
        Map<MediaPipeline.Still, Part> pictureParts = new EnumMap<>(MediaPipeline.Still.class);
        Map<MediaPipeline.Still, Path> pictures = new EnumMap<>(MediaPipeline.Still.class);
        List<Part> parts;
        try {
            parts = List.copyOf(request.getParts());
        } catch (ServletException | IllegalStateException e) {
            throw Problem.badRequest("The body is not a valid multipart/form-data upload: " + e.getMessage());
        }
        try {
            for (Part part : parts) {
                if (part.getSubmittedFileName() != null) {
                    if (part.getName().equals("videofile")) {
                        videofile = part;
                    }
                    for (MediaPipeline.Still still : MediaPipeline.Still.values()) {
                        if (part.getName().equals(still.field())) {
                            pictureParts.put(still, part);
                        }
                    }
                    continue;
                }
                String value = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                addField(fields, part.getName(), value);
            }
            if (videofile == null || videofile.getSize() == 0) {
                throw new InvalidInputException("videofile", "videofile is required");
            }
            NewVideo video = VideoUploads.metadata(fields, user, channels);
            VideoUploads.checkQuota(user, videofile.getSize(), users);
            org.vidiverse.api.moderation.Verdict verdict = moderation.checkUpload(user, video);   // before a byte is kept
            for (Map.Entry<MediaPipeline.Still, Part> picture : pictureParts.entrySet()) {
                Part part = picture.getValue();
                try (InputStream in = part.getInputStream()) {
                    pictures.put(picture.getKey(), VideoUploads.savePicture(picture.getKey(),
                            part.getSubmittedFileName(), part.getSize(), in, storage.uploads()));
                }
            }
            Path file = Files.createDirectories(storage.uploads()).resolve("legacy-" + UUID.randomUUID() + ".part");
            try (InputStream in = videofile.getInputStream()) {
                VideoUploads.append(in, file, max >= 0 ? max : Long.MAX_VALUE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            Map<MediaPipeline.Still, Path> handedOver = Map.copyOf(pictures);
            pictures.clear();   // the pipeline deletes them from here on
            return VideoUploads.accept(pipeline, moderation, user, verdict, video, fields, file,
                    videofile.getSubmittedFileName(), handedOver);
        } finally {
            for (Path picture : pictures.values()) {
                Files.deleteIfExists(picture);
            }
            for (Part part : parts) {
                part.delete();   // the container's temporary copies
            }
        }
    }
}
