package org.vidiverse.federation.internal.activitypub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The PeerTube 6.3 documents under {@code src/test/resources/activitypub/}, and helpers to compare with them. */
final class Fixtures {
    static final ObjectMapper JSON = ApContext.mapper();
    static final String HOST = "127.0.0.1:9001";
    static final String BASE = "http://127.0.0.1:9001";

    private Fixtures() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/activitypub/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture changed by {@code edit}, to make a bad input out of a good one. */
    static ObjectNode edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode doc = load(name);
        edit.accept(doc);
        return doc;
    }

    /** The document as a peer reads it: written to JSON text and parsed back. */
    static JsonNode tree(Object document) {
        try {
            return JSON.readTree(JSON.writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    interface Parse {
        void run() throws InvalidObjectException;
    }

    /** Asserts the input is refused with a message containing {@code expected}. */
    static void assertRefused(String expected, Parse parse) {
        try {
            parse.run();
            fail("accepted, but should be refused with '" + expected + "'");
        } catch (InvalidObjectException e) {
            assertTrue("message '" + e.getMessage() + "' should contain '" + expected + "'",
                    e.getMessage().contains(expected));
        }
    }
}
