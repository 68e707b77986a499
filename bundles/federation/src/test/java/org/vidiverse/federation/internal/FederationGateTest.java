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
        FederationGate gate = new FederationGate(blocks, DIRECT, TestConfigs.federation(Map.of()));
        assertEquals(FederationDecision.ALLOW, gate.decide(from("video.example")));
        blocks.setBlocked("video.example", true);
        assertEquals(FederationDecision.DENY, gate.decide(from("video.example")));
        assertFalse(gate.reachable("VIDEO.example"));
    }

    @Test
    public void allowlistAndDenylistFollowTheConfiguredHosts() {
        FederationGate allow = new FederationGate(new Blocks(), DIRECT, TestConfigs.federation(Map.of(
                "mode", "allowlist", "hosts", new String[] {"friends.example", " Other.example:8443 "})));
        assertEquals(FederationDecision.ALLOW, allow.decide(from("friends.example")));
        assertEquals(FederationDecision.ALLOW, allow.decide(from("other.example:8443")));
        assertEquals(FederationDecision.DENY, allow.decide(from("stranger.example")));

        FederationGate deny = new FederationGate(new Blocks(), DIRECT, TestConfigs.federation(Map.of(
                "mode", "denylist", "hosts", new String[] {"spam.example"})));
        assertEquals(FederationDecision.DENY, deny.decide(from("spam.example")));
        assertEquals(FederationDecision.ALLOW, deny.decide(from("fine.example")));
    }

    @Test
    public void strictestPolicyWinsAndAFailingPolicyDenies() {
        FederationGate gate = new FederationGate(new Blocks(), DIRECT, TestConfigs.federation(Map.of()));
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
        FederationGate gate = new FederationGate(new Blocks(), DIRECT, TestConfigs.federation(Map.of()));
        assertEquals(FederationDecision.ALLOW, gate.decide(from("a.example")));
        gate.modified(TestConfigs.federation(Map.of("mode", "allowlist", "hosts", new String[] {"b.example"})));
        assertEquals(FederationDecision.DENY, gate.decide(from("a.example")));
    }
}
