package org.vidiverse.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Vidiverse plugin guard",
        description = "How the core protects itself from plugin code")
public @interface GuardConfig {

    @AttributeDefinition(name = "Failures before disabling", description = "A plugin contribution that fails this "
            + "many calls in a row is disabled until it is reinstalled; 0 never disables")
    int maxConsecutiveFailures() default 5;

    @AttributeDefinition(name = "Concurrent plugin calls", description = "Threads available to run plugin calls")
    int maxConcurrentCalls() default 64;
}
