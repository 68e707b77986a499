package org.vidiverse.federation.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.FollowStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ActorDocuments;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.activitypub.Collections;
import org.vidiverse.federation.internal.activitypub.NoteObjects;
import org.vidiverse.federation.internal.activitypub.VideoObjects;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The ActivityPub documents of this instance, at PeerTube's URLs: actors ({@code /accounts/{name}},
 * {@code /video-channels/{name}}, the instance actor at {@code /accounts/peertube}) with their outbox, followers and
 * following collections; videos at {@code /videos/watch/{uuid}} and their comments. ActivityPub clients get JSON,
 * browsers a page.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/")
public final class ActivityPubResource {
    static final int PAGE_SIZE = 10;

    private final ActorStore actors;
    private final ActorKeys keys;
    private final VideoStore videos;
    private final CommentStore comments;
    private final FollowStore follows;
    private final InstanceIdentity instance;

    @Activate
    public ActivityPubResource(@Reference ActorStore actors, @Reference ActorKeys keys, @Reference VideoStore videos,
                               @Reference CommentStore comments, @Reference FollowStore follows,
                               @Reference InstanceIdentity instance) {
        this.actors = actors;
        this.keys = keys;
        this.videos = videos;
        this.comments = comments;
        this.follows = follows;
        this.instance = instance;
    }

    @GET
    @Path("accounts/{name}")
    public Response account(@PathParam("name") String name, @Context HttpHeaders headers) {
        return actorDocument(localActor(name, false), headers);
    }

    @GET
    @Path("video-channels/{name}")
    public Response channel(@PathParam("name") String name, @Context HttpHeaders headers) {
        return actorDocument(localActor(name, true), headers);
    }

    @GET
    @Path("{kind: accounts|video-channels}/{name}/outbox")
    public Response outbox(@PathParam("kind") String kind, @PathParam("name") String name,
                           @QueryParam("page") String page) {
        Actor actor = localActor(name, "video-channels".equals(kind));
        VideoQuery query = VideoQuery.publicListing();
        query = switch (actor.type()) {
            case GROUP -> query.withChannel(actor.id());
            case PERSON -> new VideoQuery(query.privacies(), query.states(), true, null, actor.id(), null, null,
                    null, null, 0L);
            case APPLICATION -> new VideoQuery(query.privacies(), query.states(), true, null, null, null, null,
                    null, null, 0L);
        };   // blocked and held videos are never in an outbox
        String id = actor.outboxUrl();
        int pageNumber = pageNumber(page);
        Page<Video> found = videos.list(query, PageRequest.of(Math.max(0, pageNumber - 1) * PAGE_SIZE,
                pageNumber == 0 ? 0 : PAGE_SIZE, "-publishedAt"));
        if (pageNumber == 0) {
            return ApResponses.json(withContext(Collections.orderedCollection(id, found.total(), id + "?page=1")));
        }
        List<Object> items = new ArrayList<>();
        for (Video video : found.data()) {
            items.add(actor.type() == ActorType.PERSON
                    ? Activities.create(video.url() + "/activity", actor.url(), videoObject(video),
                    List.of(ApContext.PUBLIC), List.of(actor.followersUrl()))
                    : Activities.announce(actor.url() + "/announces/" + video.uuid(), actor.url(), video.url(),
                    List.of(ApContext.PUBLIC), List.of(actor.followersUrl())));
        }
        return ApResponses.json(withContext(page(id, pageNumber, found.total(), items)));
    }

    @GET
    @Path("{kind: accounts|video-channels}/{name}/{side: followers|following}")
    public Response follows(@PathParam("kind") String kind, @PathParam("name") String name,
                            @PathParam("side") String side, @QueryParam("page") String page) {
        Actor actor = localActor(name, "video-channels".equals(kind));
        boolean followers = "followers".equals(side);
        int pageNumber = pageNumber(page);
        String id = followers ? actor.followersUrl() : actor.followingUrl();
        long total = followers ? actor.followersCount() : actor.followingCount();
        if (pageNumber == 0) {
            return ApResponses.json(withContext(Collections.orderedCollection(id, total, id + "?page=1")));
        }
        PageRequest request = PageRequest.of((pageNumber - 1) * PAGE_SIZE, PAGE_SIZE, "-createdAt");
        Page<Follow> found = followers ? follows.followersOf(actor.id(), request)
                : follows.followingOf(actor.id(), request);
        List<Object> items = found.data().stream().filter(f -> f.state() == FollowState.ACCEPTED)
                .map(f -> (Object) (followers ? f.follower() : f.following()).url()).toList();
        return ApResponses.json(withContext(page(id, pageNumber, total, items)));
    }

    @GET
    @Path("videos/watch/{uuid}")
    public Response video(@PathParam("uuid") String uuid, @Context HttpHeaders headers) {
        Video video = visibleVideo(uuid);
        if (!video.local()) {
            return Response.status(302).location(URI.create(video.url())).build();
        }
        if (!ApResponses.wantsActivityJson(headers)) {
            return ApResponses.page(video.name(), "/api/v1/videos/" + video.uuid());
        }
        return ApResponses.json(videoObject(video));
    }

    @GET
    @Path("videos/watch/{uuid}/comments/{id}")
    public Response comment(@PathParam("uuid") String uuid, @PathParam("id") long id) {
        Video video = visibleVideo(uuid);
        Comment comment = comments.findById(id).filter(c -> c.videoId() == video.id() && !c.heldForReview())
                .orElseThrow(() -> Problem.notFound("no such comment"));
        if (!comment.url().startsWith(instance.publicUrl() + "/")) {
            return Response.status(302).location(URI.create(comment.url())).build();
        }
        String inReplyTo = comment.inReplyToId() == null ? video.url()
                : comments.findById(comment.inReplyToId()).map(Comment::url).orElse(video.url());
        Map<String, Object> note = NoteObjects.render(comment, video.url(), inReplyTo, comment.account().url(),
                instance.publicUrl());
        return ApResponses.json(withContext(note));
    }

    @GET
    @Path("videos/watch/{uuid}/{collection: likes|dislikes|comments|announces}")
    public Response videoCollection(@PathParam("uuid") String uuid, @PathParam("collection") String collection) {
        Video video = visibleVideo(uuid);
        long total = switch (collection) {
            case "likes" -> video.likes();
            case "dislikes" -> video.dislikes();
            case "comments" -> video.commentsCount();
            default -> 0;
        };
        String id = video.url() + "/" + collection;
        return ApResponses.json(withContext(Collections.orderedCollection(id, total, id + "?page=1")));
    }

    private Response actorDocument(Actor actor, HttpHeaders headers) {
        if (!ApResponses.wantsActivityJson(headers)) {
            String api = actor.type() == ActorType.GROUP ? "/api/v1/video-channels/" : "/api/v1/accounts/";
            return ApResponses.page(actor.displayName() == null ? actor.name() : actor.displayName(),
                    api + actor.name());
        }
        Actor keyed = keys.withKeys(actor);
        Actor owner = keyed.ownerId() == null ? null : actors.find(keyed.ownerId()).orElse(null);
        return ApResponses.json(ActorDocuments.render(keyed, owner, instance.publicUrl()));
    }

    private Actor localActor(String name, boolean channel) {
        Optional<Actor> actor = !channel && ActorStore.INSTANCE_ACTOR_NAME.equalsIgnoreCase(name)
                ? Optional.of(actors.instanceActor()) : actors.findLocal(name);
        return actor.filter(a -> channel == (a.type() == ActorType.GROUP))
                .orElseThrow(() -> Problem.notFound((channel ? "no channel " : "no account ") + name));
    }

    private Video visibleVideo(String uuid) {
        return videos.findByUuid(uuid).filter(Video::federated)
                .orElseThrow(() -> Problem.notFound("no such video"));
    }

    private Map<String, Object> videoObject(Video video) {
        return VideoObjects.render(video, videos.files(video.id()), videos.hlsPlaylist(video.id()),
                instance.publicUrl());
    }

    private static Map<String, Object> page(String id, int pageNumber, long total, List<?> items) {
        boolean more = (long) pageNumber * PAGE_SIZE < total;
        return Collections.orderedCollectionPage(id + "?page=" + pageNumber, id, total, items,
                more ? id + "?page=" + (pageNumber + 1) : null, pageNumber > 1 ? id + "?page=" + (pageNumber - 1)
                        : null);
    }

    private static Map<String, Object> withContext(Map<String, Object> document) {
        if (document.containsKey("@context")) {
            return document;
        }
        Map<String, Object> withContext = new java.util.LinkedHashMap<>();
        withContext.put("@context", ApContext.ACTIVITY_CONTEXT);
        withContext.putAll(document);
        return withContext;
    }

    /** {@code page} as PeerTube reads it: absent for the collection itself, else 1 and up. */
    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.trim());
            if (number < 1 || number > 100_000) {
                throw Problem.invalidParam("page", "page must be between 1 and 100000");
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problem.invalidParam("page", "page must be a number");
        }
    }
}
