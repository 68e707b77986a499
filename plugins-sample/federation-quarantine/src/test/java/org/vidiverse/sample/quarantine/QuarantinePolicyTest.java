package org.vidiverse.sample.quarantine;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.Test;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.RemoteOrigin;

public class QuarantinePolicyTest {

    @Test
    public void unapprovedInstancesAreQuarantinedAndApprovedOnesAllowedWhateverTheCase() {
        QuarantinePolicy policy = new QuarantinePolicy(null, config(true, "Videos.Example.org, other.example:8443"));
        assertEquals(FederationDecision.ALLOW, decide(policy, "videos.example.org"));
        assertEquals(FederationDecision.ALLOW, decide(policy, "OTHER.example:8443"));
        assertEquals(FederationDecision.QUARANTINE, decide(policy, "other.example"));
        assertEquals(FederationDecision.QUARANTINE, decide(policy, "new.example.net"));
    }

    @Test
    public void approvedHostsAcceptCommaSeparatedEntriesAndSkipBlanks() {
        assertEquals(Set.of("a.example", "b.example", "c.example"),
                QuarantinePolicy.hosts(new String[] {"a.example, b.example", " ", "C.example"}));
        assertEquals(Set.of(), QuarantinePolicy.hosts(null));
    }

    @Test
    public void approvingWithoutReleaseChangesDecisionsOnly() {
        QuarantinePolicy policy = new QuarantinePolicy(null, config(false));
        assertEquals(FederationDecision.QUARANTINE, decide(policy, "new.example.net"));
        policy.modified(config(false, "new.example.net"));   // no release: the held content store is never asked
        assertEquals(FederationDecision.ALLOW, decide(policy, "new.example.net"));
    }

    private static FederationDecision decide(QuarantinePolicy policy, String host) {
        return policy.decide(new RemoteOrigin(host, "https://" + host + "/accounts/x", "Create"));
    }

    private static QuarantineConfig config(boolean release, String... hosts) {
        return new QuarantineConfig() {
            @Override
            public String[] approvedHosts() {
                return hosts;
            }

            @Override
            public boolean releaseOnApproval() {
                return release;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QuarantineConfig.class;
            }
        };
    }
}
