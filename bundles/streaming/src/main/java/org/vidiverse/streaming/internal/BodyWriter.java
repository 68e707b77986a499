package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import javax.servlet.http.HttpServletResponse;

/**
 * Sends a part of a file as the response body without ever holding the file in memory: positional reads into a
 * buffer of at most {@value #BUFFER} bytes, written to the response.
 *
 * <p>{@link #best()} is {@link DirectBodyWriter} when the container is Jetty (Pax Web 8), else {@link #STREAM}.
 * Memory mappings written through Jetty were tried and measured slower than either with {@code bench/static.sh}
 * (2 MB files: 458 req/s mapped, 755 through the heap), so none is used.
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

    /** The direct-buffer writer when Jetty's classes are wired to this bundle, else {@link #STREAM}. */
    static BodyWriter best() {
        try {
            Class.forName("org.eclipse.jetty.server.HttpOutput", false, BodyWriter.class.getClassLoader());
            return new DirectBodyWriter();
        } catch (ClassNotFoundException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(BodyWriter.class).info(
                    "Jetty is not the servlet container: bodies are copied through {} KiB heap buffers", BUFFER / 1024);
            return STREAM;
        }
    }
}
