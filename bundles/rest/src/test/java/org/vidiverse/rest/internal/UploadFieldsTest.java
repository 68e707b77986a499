package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class UploadFieldsTest {
    @Test
    public void arraysArriveInEveryFormClientsUse() {
        Map<String, Object> fields = new HashMap<>();
        UploadResource.addField(fields, "name", "Clip");
        UploadResource.addField(fields, "tags[0]", "cli");       // PeerTube's own client
        UploadResource.addField(fields, "tags[1]", "test");
        UploadResource.addField(fields, "single[]", "one");      // a one-item list stays a list
        UploadResource.addField(fields, "repeated", "a");
        UploadResource.addField(fields, "repeated", "b");
        assertEquals("Clip", fields.get("name"));
        assertEquals(List.of("cli", "test"), fields.get("tags"));
        assertEquals(List.of("one"), fields.get("single"));
        assertEquals(List.of("a", "b"), fields.get("repeated"));
    }
}
