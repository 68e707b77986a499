package org.vidiverse.sample.template;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The plugin's settings. bnd turns this into the bundle's metatype (OSGI-INF/metatype), which the admin API and
 * {@code vid:plugin-settings} read: names, types, defaults and options are what admins see and what is validated.
 */
@ObjectClassDefinition(name = "Shouting titles", description = "Titles written mostly in capital letters")
public @interface ShoutingTitlesConfig {

    @AttributeDefinition(name = "Capital letters (%)", description = "A title with at least this share of capital "
            + "letters among its letters is shouting", min = "1", max = "100")
    int maxCapitalsPercent() default 70;

    @AttributeDefinition(name = "Letters at least", description = "Shorter titles (acronyms...) are never shouting")
    int minLetters() default 8;

    @AttributeDefinition(name = "Action", description = "What happens to a shouting title", options = {
            @Option(value = "hold", label = "Hold it for review"),
            @Option(value = "reject", label = "Refuse it")})
    String action() default "hold";
}
