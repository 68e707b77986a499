package org.vidiverse.codec.ffmpeg.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty ELF shared library (x86-64) that only carries a name.
 *
 * <p>bytedeco's FFmpeg links libavdevice against capture and playback libraries (PulseAudio, ALSA, XCB) and
 * libavutil against libudev. A server often lacks some of them, and then the dynamic linker refuses to start ffmpeg
 * although converting files never calls a single function of those libraries. The linker binds these functions
 * lazily (libavdevice and libavutil are not linked with {@code -z now}), so a library of that name that defines
 * nothing is enough: the linker is satisfied, and a call into it - which would need a capture device - would stop
 * the process with an unresolved-symbol error instead of silently doing something else. The linker warns once per
 * run that the stand-in has "no version information"; {@link ChildProcess} leaves that warning out of error messages.
 *
 * <p>The file has one read-write load segment holding a dynamic section (soname, an empty symbol table, its string
 * table and a one-bucket hash table), a dynamic program header and a non-executable stack header. No code.
 */
final class StandInLibrary {
    private static final Pattern MISSING = Pattern.compile(
            "error while loading shared libraries: ([A-Za-z0-9._+-]+\\.so[0-9.]*): cannot open shared object file");

    private static final int ELF_HEADER = 64;
    private static final int PROGRAM_HEADER = 56;
    private static final int PROGRAM_HEADERS = 3;
    private static final int SYMBOL = 24;
    private static final int DYNAMIC_ENTRY = 16;

    private StandInLibrary() {
    }

    /** The library the dynamic linker could not find, from the error it printed, if that is why a start failed. */
    static Optional<String> missingLibrary(String stderr) {
        Matcher m = MISSING.matcher(stderr);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static void write(Path file, String soname) throws IOException {
        Files.write(file, bytes(soname));
    }

    static byte[] bytes(String soname) {
        byte[] name = soname.getBytes(StandardCharsets.US_ASCII);
        int strtab = ELF_HEADER + PROGRAM_HEADER * PROGRAM_HEADERS;
        int strsz = name.length + 2;                          // "\0" soname "\0"
        int symtab = align8(strtab + strsz);
        int hash = symtab + SYMBOL;                           // the null symbol only
        int dynamic = align8(hash + 4 * 4);                   // nbucket, nchain, bucket[0], chain[0]
        int[][] entries = {
                {14, 1},                                      // DT_SONAME: offset of the name in strtab
                {5, strtab}, {10, strsz},                     // DT_STRTAB, DT_STRSZ
                {6, symtab}, {11, SYMBOL},                    // DT_SYMTAB, DT_SYMENT
                {4, hash},                                    // DT_HASH
                {0, 0}};                                      // DT_NULL
        int dynsz = entries.length * DYNAMIC_ENTRY;
        int size = dynamic + dynsz;

        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2 /* 64-bit */, 1 /* little endian */, 1 /* version */, 0 /* SysV */});
        b.position(16);
        b.putShort((short) 3);                                // ET_DYN
        b.putShort((short) 62);                               // EM_X86_64
        b.putInt(1);                                          // EV_CURRENT
        b.putLong(0);                                         // no entry point
        b.putLong(ELF_HEADER);                                // program headers right after this header
        b.putLong(0);                                         // no section headers
        b.putInt(0);                                          // flags
        b.putShort((short) ELF_HEADER);
        b.putShort((short) PROGRAM_HEADER);
        b.putShort((short) PROGRAM_HEADERS);
        b.putShort((short) 64);                               // section header size (none follow)
        b.putShort((short) 0);
        b.putShort((short) 0);

        programHeader(b, 1, 6, 0, size, 0x1000);              // PT_LOAD, read-write: the loader relocates .dynamic
        programHeader(b, 2, 6, dynamic, dynsz, 8);            // PT_DYNAMIC
        programHeader(b, 0x6474e551, 6, 0, 0, 16);            // PT_GNU_STACK, not executable

        b.position(strtab + 1);
        b.put(name);
        b.position(hash);
        b.putInt(1).putInt(1).putInt(0).putInt(0);
        b.position(dynamic);
        for (int[] e : entries) {
            b.putLong(e[0]).putLong(e[1]);
        }
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int type, int flags, long offset, long size, long align) {
        b.putInt(type).putInt(flags);
        b.putLong(offset).putLong(offset).putLong(offset);    // offset, virtual and physical address
        b.putLong(size).putLong(size);                        // in the file, in memory
        b.putLong(align);
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }
}
