package org.vidiverse.federation.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory without ever holding more than a limit. A remote server decides how much it
 * sends, so the limit is enforced while reading (and up front when Content-Length already announces too much), and
 * the connection is dropped as soon as it is exceeded.
 */
final class LimitedBody implements BodySubscriber<byte[]> {
    /** The body was, or was announced to be, larger than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final int limit;
    private final boolean failBeyond;
    private final long announced;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(int limit, boolean failBeyond, long announced) {
        this.limit = limit;
        this.failBeyond = failBeyond;
        this.announced = announced;
    }

    /**
     * Successful (2xx) bodies fail with {@link TooLarge} beyond {@code maxBytes}; other bodies (errors, redirects)
     * are only wanted for a log line, so they are cut at {@code otherBytes} instead.
     */
    static BodyHandler<byte[]> handler(int maxBytes, int otherBytes) {
        return info -> info.statusCode() / 100 == 2
                ? new LimitedBody(maxBytes, true, contentLength(info))
                : new LimitedBody(otherBytes, false, -1);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (failBeyond && announced > limit) {
            s.cancel();
            result.completeExceptionally(new TooLarge("Content-Length " + announced + " is over " + limit + " bytes"));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int room = limit - buffer.size();
            if (b.remaining() > room) {
                subscription.cancel();
                if (failBeyond) {
                    result.completeExceptionally(new TooLarge("body is over " + limit + " bytes"));
                } else {
                    append(b, room);
                    result.complete(buffer.toByteArray());
                }
                return;
            }
            append(b, b.remaining());
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void append(ByteBuffer b, int count) {
        byte[] bytes = new byte[count];
        b.get(bytes);
        buffer.write(bytes, 0, count);
    }

    private static long contentLength(HttpResponse.ResponseInfo info) {
        try {
            return info.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1; // a malformed length is not trusted either way; the running count still applies
        }
    }
}
