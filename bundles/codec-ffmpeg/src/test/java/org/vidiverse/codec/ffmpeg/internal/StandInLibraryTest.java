package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StandInLibraryTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void linkerErrorNamesTheMissingLibrary() {
        String stderr = "/data/ffmpeg/ffmpeg: error while loading shared libraries: libpulse.so.0: cannot open shared "
                + "object file: No such file or directory\n";
        assertEquals(Optional.of("libpulse.so.0"), StandInLibrary.missingLibrary(stderr));
        assertEquals(Optional.empty(), StandInLibrary.missingLibrary("Invalid data found when processing input"));
    }

    @Test
    public void standInIsA64BitSharedObjectCarryingItsName() {
        byte[] elf = StandInLibrary.bytes("libxcb-shm.so.0");
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(0x464c457f, b.getInt(0));                       // \x7fELF
        assertEquals(2, b.get(4));                                    // 64-bit
        assertEquals(3, b.getShort(16));                              // ET_DYN
        assertEquals(62, b.getShort(18));                             // x86-64
        assertEquals(3, b.getShort(56));                              // program headers
        long strtab = -1;
        long dynamic = b.getLong(64 + 56 + 8);                        // PT_DYNAMIC p_offset
        for (long at = dynamic; b.getLong((int) at) != 0; at += 16) {
            if (b.getLong((int) at) == 5) {
                strtab = b.getLong((int) at + 8);
            }
        }
        String name = new String(elf, (int) strtab + 1, "libxcb-shm.so.0".length(), StandardCharsets.US_ASCII);
        assertEquals("libxcb-shm.so.0", name);
        assertTrue(elf.length < 512);
    }

    /** The dynamic linker of this host accepts the stand-in: the JVM loads it as it would load a JNI library. */
    @Test
    public void dynamicLinkerLoadsTheStandIn() throws Exception {
        Assume.assumeTrue("x86-64 Linux only", BundledFfmpeg.platformSupported());
        Path library = tmp.getRoot().toPath().resolve("libvidiverse-stand-in-test.so.0");
        StandInLibrary.write(library, library.getFileName().toString());

        System.load(library.toAbsolutePath().toString());
    }

    @Test
    public void linkerWarningsAboutStandInsStayOutOfMessages() {
        String stderr = "ffmpeg: ./libpulse.so.0: no version information available (required by ./libavdevice.so.62)\n"
                + "Error opening input file x.mp4.\n";
        assertEquals("Error opening input file x.mp4.", ChildProcess.message(stderr, 100));
    }
}
