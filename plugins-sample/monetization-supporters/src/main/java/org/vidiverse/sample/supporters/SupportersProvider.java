package org.vidiverse.sample.supporters;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationProvider;
import org.vidiverse.api.monetization.SupportLink;
import org.vidiverse.api.plugin.PluginNames;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoStore;

/**
 * A video tagged with the configured tag ({@code supporters-only} by default) is for its channel's supporters:
 * everyone else is refused with a message naming the channel's support link. The core lets the video's owner and
 * moderators through without asking. Support links come from the configuration. Settings: PID {@value #PID},
 * changeable at runtime.
 */
@Component(configurationPid = SupportersProvider.PID, property = PluginNames.NAME_PROPERTY + "=supporters")
@Designate(ocd = SupportersConfig.class)
public final class SupportersProvider implements MonetizationProvider {
    public static final String PID = "org.vidiverse.sample.supporters";

    /** How long whether a video is gated is remembered: the core asks on every file request, HLS segments too. */
    static final long REMEMBER_NANOS = 5_000_000_000L;
    private static final int REMEMBER_AT_MOST = 10_000;

    private record Settings(String tag, LinkCatalogue links, String message) {
    }

    private record Gated(boolean gated, String tag, long expiresAt) {
    }

    private final VideoStore videos;
    private final ChannelStore channels;
    private final Supporters supporters;
    private volatile Settings settings;
    private final Map<String, Gated> recent = new ConcurrentHashMap<>();

    @Activate
    public SupportersProvider(@Reference VideoStore videos, @Reference ChannelStore channels,
                              @Reference Supporters supporters, SupportersConfig config) {
        this.videos = videos;
        this.channels = channels;
        this.supporters = supporters;
        modified(config);
    }

    @Modified
    void modified(SupportersConfig config) {
        String tag = config.tag() == null || config.tag().isBlank() ? "supporters-only" : config.tag().trim();
        settings = new Settings(tag.toLowerCase(Locale.ROOT), LinkCatalogue.parse(config.links()), config.message());
    }

    @Override
    public String name() {
        return "supporters";
    }

    @Override
    public List<SupportLink> supportLinks(long channelId) {
        return channels.findChannel(channelId).map(c -> settings.links().of(handle(c))).orElse(List.of());
    }

    @Override
    public AccessDecision checkAccess(AccessRequest request) {
        Settings current = settings;
        if (!gated(request.videoUuid(), current.tag())) {
            return AccessDecision.allow();
        }
        if (request.username() != null && supporters.isSupporter(request.channelId(), request.username())) {
            return AccessDecision.allow();
        }
        Optional<Channel> channel = channels.findChannel(request.channelId());
        String handle = channel.map(SupportersProvider::handle).orElse("this channel");
        String shown = channel.map(c -> c.displayName() == null || c.displayName().isBlank() ? c.name()
                : c.displayName()).orElse("this channel");
        String url = current.links().supportUrl(handle).orElse(null);
        String message = (current.message() == null || current.message().isBlank()
                ? "This video is for supporters of {channel}." : current.message())
                .replace("{channel}", shown)
                .replace("{link}", url == null ? "ask its owner" : url);
        return AccessDecision.deny(message, url);
    }

    /** Whether the video carries the tag, remembered for {@link #REMEMBER_NANOS} (edits of tags show that late). */
    private boolean gated(String uuid, String tag) {
        long now = System.nanoTime();
        Gated known = recent.get(uuid);
        if (known != null && known.tag().equals(tag) && now - known.expiresAt() < 0) {
            return known.gated();
        }
        Optional<Video> video = videos.findByUuid(uuid);
        boolean gated = video.isPresent() && video.get().tags().stream()
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag));
        if (recent.size() >= REMEMBER_AT_MOST) {
            recent.clear();
        }
        recent.put(uuid, new Gated(gated, tag, now + REMEMBER_NANOS));
        return gated;
    }

    /** How a channel is named in the settings: its name, with {@code @host} for a remote one. */
    static String handle(Channel channel) {
        return channel.local() || channel.host() == null ? channel.name() : channel.name() + "@" + channel.host();
    }
}
