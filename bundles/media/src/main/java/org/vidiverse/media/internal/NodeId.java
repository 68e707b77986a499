package org.vidiverse.media.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * This node's name in the job queue, kept in the media folder's {@code node-id}: the same after a restart (so the
 * jobs a crashed run held are handed back to it) and distinct between nodes sharing a database.
 */
final class NodeId {
    private NodeId() {
    }

    static String of(Path folder) throws IOException {
        Path file = folder.resolve("node-id");
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = "node-" + UUID.randomUUID();
        Path tmp = Files.createTempFile(folder, "node-id", ".tmp");
        Files.writeString(tmp, id, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return id;
    }
}
