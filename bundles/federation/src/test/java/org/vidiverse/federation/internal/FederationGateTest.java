package org.vidiverse.federation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.Test;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.FederationPolicy;
import org.vidiverse.api.federation.RemoteOrigin;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.RemoteActor;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.InstanceStore;

public class FederationGateTest {

    /** Server blocks as the database keeps them. */
    private static final class Blocks implements InstanceStore {
        final Set<String> blocked = ConcurrentHashMap.newKeySet();

        @Override
        public RemoteInstance findOrCreate(String host) {
            return find(host).orElseThrow();
        }

        @Override
        public Optional<RemoteInstance> find(String host) {
            return Optional.of(new RemoteInstance(1, host, blocked.contains(host), false, Instant.now()));
        }

        @Override
        public List<RemoteInstance> list() {
            return List.of();
        }

        @Override
        public void setBlocked(String host, boolean block) {
            if (block) {
                blocked.add(host);
            } else {
                blocked.remove(host);
            }
        }
    }

    /** Actors by url, and the instance's account (id 1). */
    private static final class Actors implements ActorStore {
        final Map<String, Actor> byUrl = new ConcurrentHashMap<>();

        Actor add(long id, ActorType type, String url, Long ownerId) {
            Actor actor = new Actor(id, type, "a" + id, null, null, "remote.example", false, url, url + "/inbox", null,
                    null, null, null, null, null, ownerId, 0, 0, Instant.now(), Instant.now());
            byUrl.put(url, actor);
            return actor;
        }

        @Override public Optional<Actor> find(long actorId) { throw new UnsupportedOperationException(); }
        @Override public Optional<Actor> findByUrl(String url) { return Optional.ofNullable(byUrl.get(url)); }
        @Override public Optional<Actor> findLocal(String name) { throw new UnsupportedOperationException(); }
        @Override public Actor instanceActor() {
            return new Actor(1, ActorType.APPLICATION, "peertube", null, null, "here.example", true,
                    "https://here.example/accounts/peertube", "x", null, null, null, null, null, null, null, 0, 0,
                    Instant.now(), Instant.now());
        }
        @Override public Actor setKeysIfAbsent(long id, String pub, String priv) { throw new UnsupportedOperationException(); }
        @Override public Actor saveRemote(RemoteActor actor) { throw new UnsupportedOperationException(); }
        @Override public List<String> followerInboxes(long actorId) { throw new UnsupportedOperationException(); }
        @Override public boolean firstDelivery(String activityId) { throw new UnsupportedOperationException(); }
        @Override public void forgetDelivery(String activityId) { throw new UnsupportedOperationException(); }
    }

    /** The instance's account block list. */
    private static final class AccountBlocks implements AccountBlockStore {
        final Set<Long> blockedByInstance = ConcurrentHashMap.newKeySet();

        @Override public AccountBlock block(long by, long target) { blockedByInstance.add(target); return null; }
        @Override public boolean unblock(long by, long target) { return blockedByInstance.remove(target); }
        @Override public boolean isBlocked(long by, long target) { return by == 1 && blockedByInstance.contains(target); }
        @Override public Page<AccountBlock> blockedBy(long by, PageRequest page) { throw new UnsupportedOperationException(); }
    }

    private static FederationGate gate(InstanceStore instances, Map<String, Object> config) {
        return new FederationGate(instances, DIRECT, new Actors(), new AccountBlocks(), TestConfigs.federation(config));
    }

    /** Calls straight through, turning any failure into the PluginCallException the real guard throws. */
    private static final PluginGuard DIRECT = new PluginGuard() {
        @Override
        public <T> T call(Object plugin, String pluginName, Callable<T> call, long timeoutMs) throws PluginCallException {
            try {
                return call.call();
            } catch (Exception e) {
                throw new PluginCallException(pluginName, e.toString(), e);
            }
        }

        @Override
        public boolean isDisabled(Object plugin) {
            return false;
        }
    };

    private static FederationPolicy policy(FederationDecision decision) {
        return new FederationPolicy() {
            @Override
            public String name() {
                return "test-" + decision;
            }

            @Override
            public FederationDecision decide(RemoteOrigin origin) {
                if (decision == null) {
                    throw new IllegalStateException("broken plugin");
                }
                return decision;
            }
        };
    }

    private static RemoteOrigin from(String host) {
        return new RemoteOrigin(host, "https://" + host + "/accounts/x", "Create");
    }

    @Test
    public void openModeAllowsAllButBlockedServers() {
        Blocks blocks = new Blocks();
        FederationGate gate = gate(blocks, Map.of());
        assertEquals(FederationDecision.ALLOW, gate.decide(from("video.example")));
        blocks.setBlocked("video.example", true);
        assertEquals(FederationDecision.DENY, gate.decide(from("video.example")));
        assertFalse(gate.reachable("VIDEO.example"));
    }

    @Test
    public void allowlistAndDenylistFollowTheConfiguredHosts() {
        FederationGate allow = gate(new Blocks(), Map.of(
                "mode", "allowlist", "hosts", new String[] {"friends.example", " Other.example:8443 "}));
        assertEquals(FederationDecision.ALLOW, allow.decide(from("friends.example")));
        assertEquals(FederationDecision.ALLOW, allow.decide(from("other.example:8443")));
        assertEquals(FederationDecision.DENY, allow.decide(from("stranger.example")));

        FederationGate deny = gate(new Blocks(), Map.of(
                "mode", "denylist", "hosts", new String[] {"spam.example"}));
        assertEquals(FederationDecision.DENY, deny.decide(from("spam.example")));
        assertEquals(FederationDecision.ALLOW, deny.decide(from("fine.example")));
    }

    @Test
    public void strictestPolicyWinsAndAFailingPolicyDenies() {
        FederationGate gate = gate(new Blocks(), Map.of());
        gate.addPolicy(policy(FederationDecision.ALLOW));
        gate.addPolicy(policy(FederationDecision.QUARANTINE));
        assertEquals(FederationDecision.QUARANTINE, gate.decide(from("new.example")));
        assertTrue("plugins do not stop deliveries", gate.reachable("new.example"));
        FederationPolicy broken = policy(null);
        gate.addPolicy(broken);
        assertEquals(FederationDecision.DENY, gate.decide(from("new.example")));
        gate.removePolicy(broken);
        assertEquals(FederationDecision.QUARANTINE, gate.decide(from("new.example")));
    }

    @Test
    public void configurationChangesApplyAtOnce() {
        FederationGate gate = gate(new Blocks(), Map.of());
        assertEquals(FederationDecision.ALLOW, gate.decide(from("a.example")));
        gate.modified(TestConfigs.federation(Map.of("mode", "allowlist", "hosts", new String[] {"b.example"})));
        assertEquals(FederationDecision.DENY, gate.decide(from("a.example")));
    }

    @Test
    public void blockedAccountsAndTheirChannelsAreDeniedAndUnknownActorsAreNot() {
        Actors actors = new Actors();
        AccountBlocks blocks = new AccountBlocks();
        FederationGate gate = new FederationGate(new Blocks(), DIRECT, actors, blocks, TestConfigs.federation(Map.of()));
        Actor troll = actors.add(10, ActorType.PERSON, "https://remote.example/accounts/troll", null);
        actors.add(11, ActorType.GROUP, "https://remote.example/video-channels/troll_channel", troll.id());
        blocks.block(1, troll.id());
        assertEquals(FederationDecision.DENY, gate.decide(new RemoteOrigin("remote.example",
                "https://remote.example/accounts/troll", "Create")));
        assertEquals(FederationDecision.DENY, gate.decide(new RemoteOrigin("remote.example",
                "https://remote.example/video-channels/troll_channel#main-key", "Announce")));
        assertEquals(FederationDecision.ALLOW, gate.decide(new RemoteOrigin("remote.example",
                "https://remote.example/accounts/newcomer", "Follow")));
        assertTrue("the host itself stays reachable", gate.reachable("remote.example"));
    }
}
