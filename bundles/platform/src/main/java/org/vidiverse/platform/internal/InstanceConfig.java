package org.vidiverse.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Vidiverse instance",
        description = "Who this instance is and how people join it")
public @interface InstanceConfig {

    @AttributeDefinition(name = "Public URL", description = "Base URL people and other instances reach this "
            + "instance at, without trailing slash. Empty: the VID_PUBLIC_URL environment variable, else "
            + "http://localhost:9000")
    String publicUrl() default "";

    @AttributeDefinition(name = "Name")
    String name() default "Vidiverse";

    @AttributeDefinition(name = "Short description")
    String shortDescription() default "A federated video platform";

    @AttributeDefinition(name = "Signup", options = {
            @Option(value = "CLOSED", label = "Closed"),
            @Option(value = "OPEN", label = "Open"),
            @Option(value = "OPEN_WITH_APPROVAL", label = "Open with approval")})
    String signupMode() default "CLOSED";

    @AttributeDefinition(name = "Signup limit", description = "Users at most; -1 for no limit")
    int signupLimit() default -1;

    @AttributeDefinition(name = "Default video quota (bytes)", description = "-1 for unlimited")
    long defaultVideoQuota() default -1;

    @AttributeDefinition(name = "Default daily video quota (bytes)", description = "-1 for unlimited")
    long defaultVideoQuotaDaily() default -1;

    @AttributeDefinition(name = "Largest upload (bytes)")
    long maxUploadSize() default 8L * 1024 * 1024 * 1024;

    @AttributeDefinition(name = "Default NSFW policy", options = {
            @Option(value = "do_not_list", label = "Do not list"),
            @Option(value = "blur", label = "Blur"),
            @Option(value = "display", label = "Display")})
    String defaultNsfwPolicy() default "do_not_list";

    @AttributeDefinition(name = "Hold users' videos for review",
            description = "Videos of users (not moderators) wait on the block list until a moderator approves them")
    boolean autoBlockVideosOfUsers() default false;

    @AttributeDefinition(name = "Only for new users (days)",
            description = "Hold only the videos of users whose account is younger than this; 0 holds every user's")
    int autoBlockNewUsersForDays() default 0;
}
