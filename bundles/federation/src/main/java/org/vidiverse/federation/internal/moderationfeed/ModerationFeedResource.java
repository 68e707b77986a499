package org.vidiverse.federation.internal.moderationfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.InstanceStore;
import org.vidiverse.federation.internal.ActorKeys;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * Publishes this instance's moderation decisions at {@value FeedDocument#PATH}: its blocked servers and accounts
 * with reasons and dates, signed by the instance actor ({@link FeedSignature}). Only this instance's own decisions
 * unless {@code republishFeedEntries} is set; public, as instance block lists are on PeerTube's about page.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true",
        configurationPid = ModerationFeedConfig.PID)
@Designate(ocd = ModerationFeedConfig.class)
@Path(FeedDocument.PATH)
public final class ModerationFeedResource {
    private final InstanceStore instances;
    private final AccountBlockStore blocks;
    private final ActorKeys keys;
    private final InstanceIdentity identity;
    private volatile ModerationFeedConfig config;

    @Activate
    public ModerationFeedResource(@Reference InstanceStore instances, @Reference AccountBlockStore blocks,
                                  @Reference ActorKeys keys, @Reference InstanceIdentity identity,
                                  ModerationFeedConfig config) {
        this.instances = instances;
        this.blocks = blocks;
        this.keys = keys;
        this.identity = identity;
        this.config = config;
    }

    @Modified
    void modified(ModerationFeedConfig config) {
        this.config = config;
    }

    @GET
    public Response feed() {
        ModerationFeedConfig c = config;
        if (!c.publish()) {
            throw Problem.notFound("This instance does not publish its moderation decisions");
        }
        Actor actor = keys.instanceActor();
        List<RemoteInstance> servers = instances.list().stream().filter(RemoteInstance::blocked)
                .filter(s -> s.blockFeedId() == null || c.republishFeedEntries()).toList();
        List<AccountBlock> accounts = new ArrayList<>();
        Page<AccountBlock> page;
        int start = 0;
        do {
            page = blocks.blockedBy(actor.id(), new PageRequest(start, PageRequest.MAX_COUNT, "createdAt", true));
            page.data().stream().filter(b -> b.feedId() == null || c.republishFeedEntries()).forEach(accounts::add);
            start += PageRequest.MAX_COUNT;
        } while (start < page.total() && !page.data().isEmpty());
        var document = FeedDocument.build(identity.host(), actor.url(), Instant.now(), servers, accounts);
        FeedSignature.sign(document, actor.keyId(), keys.signer(actor).key());
        byte[] body;
        try {
            body = ApContext.writer().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
