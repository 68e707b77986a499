package org.vidiverse.rest.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.monetization.SupportLink;

/**
 * What monetization plugins add to the API's videos and channels (through the platform's
 * {@link MonetizationService}, which guards every call into them):
 * <ul>
 * <li>{@code supportLinks}: {@code [{kind, label, target}]} on channels and on videos (their channel's links), empty
 * when no plugin has any; PeerTube's {@code support} text stays as it is;</li>
 * <li>{@code access}: on a video's details, when monetization plugins are installed, whether the caller may have its
 * files: {@code {allowed, message, supportUrl}}. The metadata stays public (200); only the files are gated (403),
 * and this field lets a client show the message before playback.</li>
 * </ul>
 * Without the service (or with no provider in it) nothing is asked.
 */
@Component(service = Monetization.class)
public final class Monetization {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MonetizationService service;   // package-private for tests

    /** Links of channels by id, asked once per channel for one answer (a page of videos shares channels). */
    final class Links {
        private final MonetizationService current = service;
        private final Map<Long, List<Map<String, Object>>> byChannel = new HashMap<>();

        List<Map<String, Object>> of(long channelId) {
            if (current == null || !current.active()) {
                return List.of();
            }
            return byChannel.computeIfAbsent(channelId, id -> current.supportLinks(id).stream()
                    .map(Monetization::json).toList());
        }

        /** Adds {@code supportLinks} of the video's channel to a video's JSON. */
        Map<String, Object> video(Map<String, Object> json, Video video) {
            ActorRef channel = video.channel();
            json.put("supportLinks", channel == null ? List.of() : of(channel.id()));
            return json;
        }

        /** Adds {@code supportLinks} to a channel's JSON. */
        Map<String, Object> channel(Map<String, Object> json, long channelId) {
            json.put("supportLinks", of(channelId));
            return json;
        }
    }

    /** A memo for one answer. */
    Links links() {
        return new Links();
    }

    /**
     * Adds {@code access} to a video's details when monetization plugins are installed: the owner and moderators
     * may always have the files; for anyone else the providers are asked, as the streaming bundle asks them.
     */
    Map<String, Object> withAccess(Map<String, Object> json, Video video, Optional<User> caller) {
        MonetizationService current = service;
        if (current == null || !current.active()) {
            return json;
        }
        AccessDecision decision;
        if (caller.isPresent() && VideoAccess.ownsOrModerates(caller.get(), video)) {
            decision = AccessDecision.allow();
        } else {
            decision = current.checkAccess(new AccessRequest(video.uuid(),
                    video.channel() == null ? 0 : video.channel().id(), caller.map(User::username).orElse(null)));
        }
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("allowed", decision.allowed());
        access.put("message", decision.message());
        access.put("supportUrl", decision.supportUrl());
        json.put("access", access);
        return json;
    }

    private static Map<String, Object> json(SupportLink link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", link.kind());
        json.put("label", link.label());
        json.put("target", link.target());
        return json;
    }
}
