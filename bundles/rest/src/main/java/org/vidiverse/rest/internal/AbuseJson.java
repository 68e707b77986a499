package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoStore;

/**
 * Abuse reports in PeerTube's REST shapes: {@code AdminAbuse} for moderators, {@code UserAbuse} for the reporter
 * (without the reporter, the moderation comment and the counters), and {@code AbuseMessage}. A deleted video or
 * comment shows as it was when reported, with {@code deleted: true}; a deleted account as {@code null}.
 */
final class AbuseJson {
    private final VideoStore videos;
    private final ChannelStore channels;

    AbuseJson(VideoStore videos, ChannelStore channels) {
        this.videos = videos;
        this.channels = channels;
    }

    Map<String, Object> admin(Abuse abuse) {
        Map<String, Object> json = base(abuse, true);
        json.put("moderationComment", abuse.moderationComment());
        json.put("reporterAccount", account(abuse.reporter()));
        json.put("countReportsForReporter", abuse.reportsByReporter());
        json.put("countReportsForReportee", abuse.reportsOfFlagged());
        return json;
    }

    Map<String, Object> user(Abuse abuse) {
        return base(abuse, false);
    }

    static Map<String, Object> message(AbuseMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("message", message.message());
        json.put("byModerator", message.byModerator());
        json.put("createdAt", Json.date(message.createdAt()));
        json.put("account", VideoJson.actor(message.account()));
        return json;
    }

    private Map<String, Object> base(Abuse abuse, boolean admin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", abuse.id());
        json.put("reason", abuse.reason());
        json.put("predefinedReasons", abuse.predefinedReasons().stream().map(AbusePredefinedReason::wireName)
                .toList());
        json.put("flaggedAccount", account(abuse.flaggedAccount()));
        json.put("state", Labels.idLabel(abuse.state().id(), abuse.state().label()));
        json.put("video", abuse.video() == null ? null : video(abuse.video(), admin));
        json.put("comment", abuse.comment() == null ? null : comment(abuse.comment()));
        json.put("createdAt", Json.date(abuse.createdAt()));
        json.put("updatedAt", Json.date(abuse.updatedAt()));
        json.put("countMessages", abuse.messageCount());
        return json;
    }

    private Map<String, Object> video(Abuse.FlaggedVideo flagged, boolean admin) {
        Optional<Video> video = flagged.deleted() ? Optional.empty() : videos.findById(flagged.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", flagged.id());
        json.put("name", flagged.name());
        json.put("uuid", flagged.uuid());
        json.put("shortUUID", video.map(Video::shortUuid).orElse(null));
        json.put("nsfw", video.map(Video::nsfw).orElse(false));
        json.put("deleted", video.isEmpty());
        json.put("blacklisted", video.map(Video::blacklisted).orElse(false));
        json.put("startAt", flagged.startAt());
        json.put("endAt", flagged.endAt());
        Object thumbnail = video.map(v -> VideoJson.summary(v).get("thumbnailPath")).orElse(null);
        json.put("thumbnailPath", thumbnail);
        json.put("thumbnails", thumbnail == null ? List.of()
                : List.of(Map.of("path", thumbnail, "width", 280, "height", 157)));
        json.put("channel", video.flatMap(v -> channels.findChannel(v.channel().id())).map(UserJson::channel)
                .orElse(null));
        if (admin) {
            json.put("countReports", flagged.reportCount());
            json.put("nthReport", flagged.nthReport());
        }
        return json;
    }

    private static Map<String, Object> comment(Abuse.FlaggedComment flagged) {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("id", flagged.videoId());
        video.put("name", flagged.videoName());
        video.put("uuid", flagged.videoUuid());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", flagged.id());
        json.put("threadId", flagged.threadId());
        json.put("video", video);
        json.put("text", flagged.text());
        json.put("deleted", flagged.deleted());
        return json;
    }

    private Map<String, Object> account(ActorRef ref) {
        return ref == null ? null : channels.findAccount(ref.id()).map(UserJson::account).orElse(null);
    }
}
