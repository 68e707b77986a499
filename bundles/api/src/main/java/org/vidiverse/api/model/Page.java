package org.vidiverse.api.model;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the total number of items over all pages, as PeerTube returns {@code {total, data}}. */
public record Page<T>(long total, List<T> data) {
    public Page {
        data = List.copyOf(data);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(total, data.stream().<R>map(mapper).toList());
    }
}
