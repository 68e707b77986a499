package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a part of a file as the response body without ever holding the file in memory.
 *
 * <p>{@link #best()} picks the memory-mapped writer when the container is Jetty 9.4 (Pax Web 8): the mapped pages
 * are written to the socket straight from the page cache, with no copy through the Java heap. Elsewhere, or when
 * the response stream is wrapped, bodies are copied through a 256 KiB buffer with positional reads.
 */
interface BodyWriter {
    int BUFFER = 256 * 1024;

    void write(FileChannel file, long position, long length, HttpServletResponse response) throws IOException;

    /** Copies through a heap buffer; works in every servlet container. */
    BodyWriter STREAM = (file, position, length, response) -> copy(file, position, length,
            response.getOutputStream());

    static void copy(FileChannel file, long position, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(length, 1))];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long done = 0;
        while (done < length) {
            wrapped.clear().limit((int) Math.min(buffer.length, length - done));
            int n = file.read(wrapped, position + done);
            if (n < 0) {
                throw new IOException("file ended " + (length - done) + " bytes early (truncated while served?)");
            }
            out.write(buffer, 0, n);
            done += n;
        }
    }

    /** The mapped writer when Jetty's classes are wired to this bundle, else {@link #STREAM}. */
    static BodyWriter best() {
        Logger log = LoggerFactory.getLogger(BodyWriter.class);
        try {
            Class.forName("org.eclipse.jetty.server.HttpOutput", false, BodyWriter.class.getClassLoader());
            log.debug("Bodies go out as memory-mapped buffers through Jetty's HttpOutput");
            return new MappedBodyWriter(STREAM);
        } catch (ClassNotFoundException | LinkageError e) {
            log.info("Jetty is not the servlet container: bodies are copied through {} KiB buffers", BUFFER / 1024);
            return STREAM;
        }
    }
}
