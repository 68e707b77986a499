package org.vidiverse.streaming.internal.tracker;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.p2p.P2pSettings;
import org.vidiverse.api.store.VideoStore;

/**
 * The tracker's state: the swarms and their peers (in memory: peers re-announce every interval, so a restart loses
 * nothing that matters), which swarms are hosted here, the limits of {@link TrackerConfig}, and the sweep that
 * expires silent peers. {@link TrackerServlet} and {@link TrackerSocket} are its two doors.
 */
@Component(service = {Tracker.class, P2pSettings.class}, configurationPid = "org.vidiverse.tracker")
@Designate(ocd = TrackerConfig.class)
public final class Tracker implements P2pSettings {
    private static final Logger LOG = LoggerFactory.getLogger(Tracker.class);
    /** How long the set of hosted swarms is trusted, and how often an unknown hash may trigger a new scan. */
    private static final long HOSTED_TTL_MS = 60_000;
    private static final long HOSTED_RESCAN_MS = 2_000;

    private final Swarms swarms = new Swarms();
    private final HttpAnnounce http;
    private final SocketProtocol socket;
    private final ScheduledExecutorService sweeper;
    private volatile Limits limits;
    private volatile boolean p2pEnabled;

    @Activate
    public Tracker(@Reference VideoStore videos, @Reference InstanceIdentity instance,
                   @Reference(policyOption = ReferencePolicyOption.GREEDY) MediaStorage storage, TrackerConfig config) {
        this.limits = Limits.of(config);
        this.p2pEnabled = config.p2pEnabled();
        HostedSwarms hosted = new HostedSwarms(new LocalSwarms(videos, instance, storage)::scan, videos::changeCount,
                System::currentTimeMillis,
                HOSTED_TTL_MS, HOSTED_RESCAN_MS);
        this.http = new HttpAnnounce(swarms, hosted::hosts, () -> limits, System::currentTimeMillis);
        this.socket = new SocketProtocol(swarms, hosted::hosts, () -> limits, System::currentTimeMillis);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vidiverse-tracker-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweep, 30, 30, TimeUnit.SECONDS);
    }

    @Modified
    void modified(TrackerConfig config) {
        limits = Limits.of(config);
        p2pEnabled = config.p2pEnabled();
        LOG.info("Tracker configuration changed: {}", limits);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    private void sweep() {
        int dropped = swarms.expire(System.currentTimeMillis() - limits.expiryMillis());
        if (dropped > 0) {
            LOG.debug("Tracker expired {} silent peers", dropped);
        }
    }

    @Override
    public boolean trackerEnabled() {
        return limits.enabled();
    }

    @Override
    public boolean p2pEnabled() {
        return p2pEnabled && limits.enabled();
    }

    Limits limits() {
        return limits;
    }

    HttpAnnounce http() {
        return http;
    }

    SocketProtocol socket() {
        return socket;
    }
}
