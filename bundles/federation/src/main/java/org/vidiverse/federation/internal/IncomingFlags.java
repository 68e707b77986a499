package org.vidiverse.federation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.InboxProcessor.Refused;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.FlagActivities;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;

/**
 * A Flag received at the inbox, after its signature and the federation gate: each reported URL must name a video,
 * comment or account of this instance, and becomes an abuse report by the sending actor that local moderators see.
 * Every URL is resolved before anything is stored, so a Flag naming one foreign or unknown object stores nothing.
 * The same Flag twice is recorded once.
 */
@Component(service = IncomingFlags.class)
public final class IncomingFlags {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingFlags.class);

    private final AbuseStore abuses;
    private final VideoStore videos;
    private final CommentStore comments;
    private final ActorStore actors;
    private final InstanceIdentity instance;

    @Activate
    public IncomingFlags(@Reference AbuseStore abuses, @Reference VideoStore videos,
                         @Reference CommentStore comments, @Reference ActorStore actors,
                         @Reference InstanceIdentity instance) {
        this.abuses = abuses;
        this.videos = videos;
        this.comments = comments;
        this.actors = actors;
        this.instance = instance;
    }

    void receive(JsonNode activity, Actor reporter) throws Refused {
        if (reporter.type() == ActorType.GROUP) {
            throw new Refused(400, "a channel cannot report abuse");
        }
        FlagActivities.Flag flag;
        try {
            flag = FlagActivities.parse(activity);
        } catch (InvalidObjectException e) {
            throw new Refused(400, e.getMessage());
        }
        if (flag.content().length() < 2) {
            throw new Refused(400, "a Flag needs a reason (content) of 2 characters or more");
        }
        if (flag.id() != null && abuses.findByFlagUrl(flag.id()).isPresent()) {
            LOG.debug("Flag {} was recorded before", flag.id());
            return;
        }
        List<AbusePredefinedReason> reasons = flag.reasonNames().stream()
                .map(name -> AbusePredefinedReason.byWireName(name).orElse(null)).filter(Objects::nonNull)
                .distinct().toList();
        List<NewAbuse> reports = new ArrayList<>();
        for (String url : flag.objectUrls()) {
            reports.add(report(url, reporter, flag, reasons));
        }
        for (NewAbuse report : reports) {
            try {
                Abuse abuse = abuses.create(report);
                LOG.info("Abuse {} reported by {} from its instance ({})", abuse.id(), reporter.handle(),
                        abuse.kind());
            } catch (InvalidInputException e) {
                throw new Refused(400, "bad Flag: " + e.getMessage());
            } catch (NotFoundException e) {
                throw new Refused(404, "Flag of something gone: " + e.getMessage());
            }
        }
    }

    private NewAbuse report(String url, Actor reporter, FlagActivities.Flag flag,
                            List<AbusePredefinedReason> reasons) throws Refused {
        String host = Activities.host(url);
        if (host == null || !host.equalsIgnoreCase(instance.host())) {
            throw new Refused(403, "a Flag sent here may only report what lives here, not " + url);
        }
        Optional<Video> video = videos.findByUrl(url).filter(Video::local);
        if (video.isPresent()) {
            return NewAbuse.ofVideo(reporter.id(), flag.content(), reasons, video.get().id(), flag.startAt(),
                    flag.endAt()).receivedAs(flag.id());
        }
        Optional<Comment> comment = comments.findByUrl(url).filter(c -> !c.deleted());
        if (comment.isPresent()) {
            return NewAbuse.ofComment(reporter.id(), flag.content(), reasons, comment.get().id())
                    .receivedAs(flag.id());
        }
        Optional<Actor> account = actors.findByUrl(url).filter(Actor::local)
                .filter(a -> a.type() != ActorType.GROUP);
        if (account.isPresent()) {
            return NewAbuse.ofAccount(reporter.id(), flag.content(), reasons, account.get().id())
                    .receivedAs(flag.id());
        }
        throw new Refused(404, "no local video, comment or account " + url);
    }
}
