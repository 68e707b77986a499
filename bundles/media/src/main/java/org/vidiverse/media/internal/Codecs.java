package org.vidiverse.media.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginNames;

/**
 * The codecs installed now, highest {@code service.ranking} first; codecs come and go with their bundles. Every
 * call into a codec goes through the {@link PluginGuard}: a codec that throws, hangs or crashes its native code is
 * counted and, after repeated failures, disabled, while the next codec takes over.
 */
@Component(service = Codecs.class)
public final class Codecs {
    record RankedCodec(Codec codec, String name, int ranking) {
    }

    private static final Comparator<RankedCodec> HIGHEST_FIRST =
            Comparator.comparingInt(RankedCodec::ranking).reversed().thenComparing(RankedCodec::name);
    private static final long AVAILABLE_TIMEOUT_MS = 5_000;

    private final PluginGuard guard;
    private volatile List<RankedCodec> codecs = List.of();

    @Activate
    public Codecs(@Reference PluginGuard guard) {
        this.guard = guard;
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    synchronized void addCodec(Codec codec, Map<String, Object> props) {
        List<RankedCodec> next = new ArrayList<>(codecs);
        next.add(new RankedCodec(codec, PluginNames.of(codec, props), PluginNames.rankingOf(props)));
        next.sort(HIGHEST_FIRST);
        codecs = List.copyOf(next);
    }

    synchronized void removeCodec(Codec codec) {
        codecs = codecs.stream().filter(r -> r.codec() != codec).toList();
    }

    /** The highest-ranked codec that is enabled and says it is available. */
    Optional<RankedCodec> best() {
        for (RankedCodec ranked : codecs) {
            if (guard.isDisabled(ranked.codec())) {
                continue;
            }
            try {
                if (guard.call(ranked.codec(), ranked.name(), ranked.codec()::available, AVAILABLE_TIMEOUT_MS)) {
                    return Optional.of(ranked);
                }
            } catch (PluginCallException e) {
                // counted by the guard; try the next codec
            }
        }
        return Optional.empty();
    }

    /** Work done with a codec, which may refuse its input. */
    @FunctionalInterface
    interface CodecWork<T> {
        T run(Codec codec) throws CodecException, InterruptedException;
    }

    /**
     * Runs {@code work} on {@code codec} under the guard. A {@link CodecException} says the input is bad, not the
     * codec: it is passed through without counting against the codec, so bad uploads cannot disable it.
     *
     * @throws PluginCallException if the codec threw anything else, timed out or is disabled
     */
    <T> T call(RankedCodec codec, CodecWork<T> work, long timeoutMs)
            throws CodecException, PluginCallException {
        Object[] refused = new Object[1];
        T result = guard.call(codec.codec(), codec.name(), () -> {
            try {
                return work.run(codec.codec());
            } catch (CodecException e) {
                refused[0] = e;
                return null;
            }
        }, timeoutMs);
        if (refused[0] != null) {
            throw (CodecException) refused[0];
        }
        return result;
    }
}
