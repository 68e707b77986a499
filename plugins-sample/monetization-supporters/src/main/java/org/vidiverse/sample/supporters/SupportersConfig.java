package org.vidiverse.sample.supporters;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Supporters-only videos",
        description = "Gates videos tagged for supporters and shows channels' tip links and payment pointers")
public @interface SupportersConfig {

    @AttributeDefinition(name = "Tag", description = "Videos carrying this tag are for the channel's supporters "
            + "(matched ignoring case)")
    String tag() default "supporters-only";

    @AttributeDefinition(name = "Support links", description = "One entry per link: channelName|label|https://... "
            + "for a web page, channelName|$wallet.example/alice (or channelName|label|$...) for a payment pointer. "
            + "A remote channel is named name@host.")
    String[] links() default {};

    @AttributeDefinition(name = "Message", description = "Shown to those who may not watch; {channel} is replaced "
            + "by the channel's name, {link} by its first support link")
    String message() default "This video is for supporters of {channel}. Become one: {link}";
}
