package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads file parts into a direct buffer of the serving thread and hands it to Jetty's
 * {@link HttpOutput#write(ByteBuffer)}, which writes a direct buffer to the socket as it is: one copy from the page
 * cache into the buffer and one into the socket. Through a heap array ({@link BodyWriter#STREAM}) the JDK adds a
 * copy through a temporary direct buffer on the read and another on the write.
 *
 * <p>Bodies under {@value #SMALL} bytes, and responses whose stream is not Jetty's (a wrapping filter, another
 * container), go through the heap copy.
 */
final class DirectBodyWriter implements BodyWriter {
    static final int SMALL = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DirectBodyWriter.class);
    /** One per serving thread, allocated on its first large body: Jetty's pool has a few hundred threads at most. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(BUFFER));

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public void write(FileChannel file, long position, long length, HttpServletResponse response) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        if (length < SMALL || !(out instanceof HttpOutput jetty)) {
            if (length >= SMALL && warned.compareAndSet(false, true)) {
                LOG.info("The response stream is a {}, not Jetty's: bodies are copied through the heap",
                        out.getClass().getName());
            }
            STREAM.write(file, position, length, response);
            return;
        }
        ByteBuffer buffer = BUFFERS.get();
        long done = 0;
        while (done < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - done));
            int n = file.read(buffer, position + done);
            if (n < 0) {
                throw new IOException("file ended " + (length - done) + " bytes early (truncated while served?)");
            }
            buffer.flip();
            jetty.write(buffer);   // blocking: returns once the buffer is written
            done += n;
        }
    }
}
