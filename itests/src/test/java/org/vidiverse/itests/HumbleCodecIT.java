package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.api.plugin.ExtensionPoint;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginRegistry;

/**
 * The Humble Video codec plugin installed as a feature into a running instance: its native library loads inside
 * Felix through Bundle-NativeCode, its Codec service named humble registers below the default ranking and really
 * probes and transcodes in-process, and it uninstalls while the instance keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HumbleCodecIT {
    private static final int PORT = 9186;
    private static final String FEATURE = "vidiverse-codec-humble";
    private static final String BUNDLE = "org.vidiverse.sample.codec.humble";

    @Inject
    BundleContext context;
    @Inject
    SessionFactory sessions;
    @Inject
    PluginRegistry plugins;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    @Test
    public void codecFeatureWorksInProcessAndUninstallsWhileTheInstanceServes() throws Exception {
        Http http = new Http(PORT);
        http.awaitOk("/api/v1/config");
        long restModified = bundle("org.vidiverse.rest").getLastModified();
        assertTrue("no humble codec before the feature", codecs().isEmpty());

        Shell.run(sessions, "feature:install -r " + FEATURE);
        Await.until("the humble codec is registered", Duration.ofSeconds(60), () -> !codecs().isEmpty());
        ServiceReference<Codec> reference = codecs().iterator().next();
        assertEquals("below the default FFmpeg codec (100)", 10, reference.getProperty("service.ranking"));
        Await.until("the registry lists it", Duration.ofSeconds(30), () -> registered().isPresent());
        assertEquals(PluginInfo.State.ACTIVE, registered().get().state());
        assertEquals(BUNDLE, registered().get().bundleSymbolicName());
        assertTrue(Shell.run(sessions, "vid:plugins").contains("humble"));

        Codec codec = context.getService(reference);
        try {
            assertEquals("humble", codec.name());
            assertTrue("libhumblevideo.so loaded from the bundle by the framework", codec.available());
            transcodesInsideTheContainer(codec);
        } finally {
            context.ungetService(reference);
        }

        Shell.run(sessions, "feature:uninstall -r " + FEATURE);
        Await.until("the humble codec is gone", Duration.ofSeconds(30), () -> codecs().isEmpty());
        assertFalse(registered().isPresent());
        assertEquals("still serving", 200, http.get("/api/v1/config").status());
        assertEquals("the core was not refreshed", restModified, bundle("org.vidiverse.rest").getLastModified());
        assertEquals(Bundle.ACTIVE, bundle("org.vidiverse.rest").getState());
    }

    private void transcodesInsideTheContainer(Codec codec) throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "humble-it");
        Path video = java.nio.file.Files.write(work.resolve("bars.y4m"), TestMedia.y4m(160, 120, 10, 20));
        Path sound = java.nio.file.Files.write(work.resolve("tone.wav"), TestMedia.wav(1));

        MediaInfo videoInfo = codec.probe(video);
        assertEquals(160, videoInfo.width());
        assertEquals(120, videoInfo.height());
        assertEquals(10.0, videoInfo.fps(), 0.01);
        assertEquals(2.0, videoInfo.durationSeconds(), 0.1);
        assertEquals("rawvideo", videoInfo.videoCodec());
        assertNull(videoInfo.audioCodec());
        MediaInfo soundInfo = codec.probe(sound);
        assertEquals("pcm_s16le", soundInfo.audioCodec());
        assertEquals(1.0, soundInfo.durationSeconds(), 0.05);

        List<Integer> progress = new ArrayList<>();
        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(video, work.resolve("out"),
                List.of(new Rendition(120, 10, 200_000), new Rendition(60, 5, 80_000)), true, true, 1, "veryfast"),
                progress::add);
        Map<String, Long> kinds = outputs.stream().collect(Collectors.groupingBy(TranscodeOutput::kind, Collectors.counting()));
        assertEquals(Map.of("mp4", 2L, "hls-playlist", 2L, "hls-master", 1L), kinds);
        assertEquals(Integer.valueOf(100), progress.get(progress.size() - 1));
        for (TranscodeOutput output : outputs) {
            assertTrue(output.file() + " written", Files.size(output.file()) > 0);
            if (output.kind().equals("mp4")) {
                MediaInfo info = codec.probe(output.file());
                assertEquals("h264", info.videoCodec());
                assertEquals(output.height(), info.height());
                assertEquals(2.0, info.durationSeconds(), 0.25);
            }
        }

        Path junk = Files.write(work.resolve("junk.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(CodecException.class, () -> codec.probe(junk));
    }

    private Collection<ServiceReference<Codec>> codecs() {
        try {
            return context.getServiceReferences(Codec.class, "(vidiverse.plugin.name=humble)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private java.util.Optional<PluginInfo> registered() {
        return plugins.list(ExtensionPoint.CODEC).stream().filter(p -> p.name().equals("humble")).findFirst();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }
}
