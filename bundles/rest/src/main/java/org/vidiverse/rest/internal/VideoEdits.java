package org.vidiverse.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoUpdate;

/** Reads a video metadata change with PeerTube's rules (lengths, known ids, at most 5 tags of 2 to 30 chars). */
final class VideoEdits {
    private VideoEdits() {
    }

    static VideoUpdate read(Map<String, Object> fields) {
        Body body = new Body(fields);
        String name = body.string("name", 120);
        if (name != null && name.trim().length() < 3) {
            throw new InvalidInputException("name", "name must be 3 to 120 characters");
        }
        String description = body.string("description", 10_000);
        if (description != null && !description.isEmpty() && description.trim().length() < 3) {
            throw new InvalidInputException("description", "description must be 3 to 10000 characters");
        }
        String support = body.string("support", 1_000);
        VideoPrivacy privacy = null;
        Long privacyId = body.integer("privacy");
        if (privacyId != null) {
            privacy = VideoPrivacy.byId(privacyId.intValue()).filter(p -> p != VideoPrivacy.PASSWORD_PROTECTED)
                    .orElseThrow(() -> new InvalidInputException("privacy", "privacy must be 1, 2, 3 or 4"));
        }
        Integer category = known(body.integer("category"), "category", Labels.CATEGORIES.keySet().size());
        Integer licence = known(body.integer("licence"), "licence", Labels.LICENCES.keySet().size());
        String language = body.string("language", 10);
        if (language != null && !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new InvalidInputException("language", "language must be an ISO 639 code");
        }
        Boolean commentsEnabled = body.bool("commentsEnabled");
        Long commentsPolicy = body.integer("commentsPolicy");
        Boolean commentsRequireApproval = null;
        if (commentsPolicy != null) {
            if (commentsPolicy < 1 || commentsPolicy > 3) {
                throw new InvalidInputException("commentsPolicy", "commentsPolicy must be 1, 2 or 3");
            }
            commentsEnabled = commentsPolicy != 2;
            commentsRequireApproval = commentsPolicy == 3;
        }
        Instant originallyPublishedAt = null;
        String original = body.string("originallyPublishedAt", 40);
        if (original != null) {
            try {
                originallyPublishedAt = Instant.parse(original);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("originallyPublishedAt", "originallyPublishedAt must be an ISO 8601 date");
            }
        }
        return new VideoUpdate(name == null ? null : name.trim(), description, support, privacy, category, licence,
                language, tags(fields), body.bool("nsfw"), commentsEnabled, body.bool("downloadEnabled"),
                body.bool("waitTranscoding"), originallyPublishedAt, commentsRequireApproval);
    }

    private static Integer known(Long id, String name, int max) {
        if (id == null) {
            return null;
        }
        if (id < 1 || id > max) {
            throw new InvalidInputException(name, name + " must be between 1 and " + max);
        }
        return id.intValue();
    }

    private static List<String> tags(Map<String, Object> fields) {
        Object raw = fields.containsKey("tags") ? fields.get("tags") : fields.get("tags[]");
        if (raw == null) {
            return null;
        }
        List<?> values = raw instanceof List<?> list ? list : List.of(raw);
        if (values.size() > 5) {
            throw new InvalidInputException("tags", "at most 5 tags");
        }
        List<String> tags = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String tag) || tag.trim().length() < 2 || tag.trim().length() > 30) {
                throw new InvalidInputException("tags", "each tag must be 2 to 30 characters");
            }
            tags.add(tag.trim());
        }
        return tags;
    }
}
