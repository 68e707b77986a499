package org.vidiverse.sample.supporters;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SupportersTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void grantsAndRevocationsSurviveARestart() throws Exception {
        Path file = temp.getRoot().toPath().resolve("data/supporters.txt");
        Supporters first = new Supporters(file);
        assertTrue(first.grant(3, "bob"));
        assertFalse(first.grant(3, "bob"));
        assertTrue(first.grant(3, "alice"));
        assertTrue(first.grant(4, "bob"));
        assertTrue(first.revoke(4, "bob"));
        assertFalse(first.revoke(4, "bob"));

        Supporters again = new Supporters(file);
        assertEquals(List.of("alice", "bob"), again.of(3));
        assertTrue(again.isSupporter(3, "bob"));
        assertFalse(again.isSupporter(4, "bob"));
        assertEquals(List.of(), again.of(4));
        try (var files = Files.list(file.getParent())) {
            assertEquals("no temporary file is left behind", 1, files.count());
        }
    }

    @Test
    public void twoInstancesOverOneFileAgree() throws Exception {
        // a plugin restart can leave the old REST resource answering while the new gate checks
        Path file = temp.getRoot().toPath().resolve("supporters.txt");
        Supporters gate = new Supporters(file);
        Supporters oldResource = new Supporters(file);
        assertTrue(oldResource.grant(7, "bob"));
        assertTrue("a grant through the other instance counts", gate.isSupporter(7, "bob"));
        assertTrue(gate.revoke(7, "bob"));
        assertFalse("a revocation through the other instance counts", oldResource.isSupporter(7, "bob"));
        assertTrue(oldResource.grant(7, "carol"));
        assertTrue(gate.grant(7, "dave"));
        assertEquals("neither write undoes the other", List.of("carol", "dave"), oldResource.of(7));
    }

    @Test
    public void anEditOfTheFileIsSeenAndItsRemovalEmptiesTheList() throws Exception {
        Path file = temp.getRoot().toPath().resolve("supporters.txt");
        Supporters supporters = new Supporters(file);
        assertTrue(supporters.grant(1, "bob"));
        Files.writeString(file, "1\tbob\n1\terin\nnot a line\n");
        assertEquals(List.of("bob", "erin"), supporters.of(1));
        Files.delete(file);
        assertFalse(supporters.isSupporter(1, "bob"));
        assertEquals(List.of(), supporters.of(1));
    }

    @Test
    public void concurrentGrantsAreAllKept() throws Exception {
        Path file = temp.getRoot().toPath().resolve("supporters.txt");
        Supporters supporters = new Supporters(file);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 25;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    supporters.grant(1, "user" + (base + i));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(100, supporters.of(1).size());
        assertEquals(100, new Supporters(file).of(1).size());
    }

    @Test
    public void malformedLinesAreSkipped() throws Exception {
        Path file = temp.getRoot().toPath().resolve("supporters.txt");
        Files.writeString(file, "3\tbob\nnot a line\nx\tcarol\n\n");
        assertEquals(List.of("bob"), new Supporters(file).of(3));
    }
}
