package org.vidiverse.api.moderation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content a policy judges. Text fields are {@code null} when the kind has none (a follow has no title).
 *
 * @param kind        what is being moderated
 * @param actorHandle who acts, as {@code name@host}
 * @param originHost  the instance the content comes from (this instance's host for local content)
 * @param title       a video's name, or {@code null}
 * @param text        a video's description or a comment's text, or {@code null}
 * @param tags        a video's tags
 * @param attributes  anything else a policy may use (e.g. {@code nsfw}, {@code privacy}), read only
 */
public record ModerationSubject(SubjectKind kind, String actorHandle, String originHost, String title, String text,
                                List<String> tags, Map<String, Object> attributes) {
    public ModerationSubject {
        Objects.requireNonNull(kind, "kind");
        tags = tags == null ? List.of() : List.copyOf(tags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A local upload with its title and description. */
    public static ModerationSubject upload(String actorHandle, String originHost, String title, String description,
                                           List<String> tags) {
        return new ModerationSubject(SubjectKind.LOCAL_UPLOAD, actorHandle, originHost, title, description, tags,
                Map.of());
    }
}
