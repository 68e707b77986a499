package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes file parts as read-only memory mappings through Jetty's {@link HttpOutput#write(java.nio.ByteBuffer)},
 * which hands direct buffers to the socket without aggregating them: the kernel copies the bytes from the page
 * cache to the socket, and the Java heap never sees them (Jetty 9.4 has no sendfile; this is the closest). Large
 * parts are mapped in {@value #CHUNK}-byte windows so that a slow client holds little address space.
 *
 * <p>Only loaded once {@link BodyWriter#best()} has found Jetty; the import of {@code org.eclipse.jetty.server} is
 * optional. Media files are replaced by atomic moves and never truncated in place, so a mapping stays valid while
 * it is written (a truncated mapped file would fault).
 */
final class MappedBodyWriter implements BodyWriter {
    static final long CHUNK = 16L * 1024 * 1024;
    /** Below this a mapping costs more than the copy it saves (playlists, segment hashes, small images). */
    static final long SMALL = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MappedBodyWriter.class);

    private final BodyWriter fallback;
    private final AtomicBoolean warned = new AtomicBoolean();

    MappedBodyWriter(BodyWriter fallback) {
        this.fallback = fallback;
    }

    @Override
    public void write(FileChannel file, long position, long length, HttpServletResponse response) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        if (length < SMALL) {
            fallback.write(file, position, length, response);
            return;
        }
        if (!(out instanceof HttpOutput jetty)) {
            if (warned.compareAndSet(false, true)) {
                LOG.info("The response stream is a {}, not Jetty's: bodies are copied through buffers",
                        out.getClass().getName());
            }
            fallback.write(file, position, length, response);
            return;
        }
        long done = 0;
        while (done < length) {
            long size = Math.min(CHUNK, length - done);
            MappedByteBuffer window = file.map(FileChannel.MapMode.READ_ONLY, position + done, size);
            jetty.write(window);
            done += size;
        }
    }
}
