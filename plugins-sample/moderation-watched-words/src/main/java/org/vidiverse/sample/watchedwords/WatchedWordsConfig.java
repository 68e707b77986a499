package org.vidiverse.sample.watchedwords;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Watched words", description = "Words that keep content out of the instance")
public @interface WatchedWordsConfig {

    @AttributeDefinition(name = "Words", description = "Whole words or phrases, matched case-insensitively; "
            + "one per entry, or several separated by commas")
    String[] words() default {};

    @AttributeDefinition(name = "Action", description = "What happens to matching content", options = {
            @Option(value = "reject", label = "Refuse it"),
            @Option(value = "hold", label = "Hold it for review")})
    String action() default "reject";
}
