package org.vidiverse.sample.quarantine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Quarantine of new instances",
        description = "Content from a remote instance is held for review until a moderator approves the instance")
public @interface QuarantineConfig {

    @AttributeDefinition(name = "Approved instances", description = "Hosts (with their port when not the default) "
            + "whose content is shown at once; one per entry, or several separated by commas")
    String[] approvedHosts() default {};

    @AttributeDefinition(name = "Release on approval", description = "When an instance is approved, show what it "
            + "sent while it was quarantined")
    boolean releaseOnApproval() default true;
}
