package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeBackendTest {

    @Test
    void picksTheBestBuildTheCpuCanRun() {
        assertEquals(NativeBackend.Build.ONEDNN_AVX512,
                NativeBackend.bestFor(Set.of("avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq")));
        assertEquals(NativeBackend.Build.ONEDNN_AVX2, NativeBackend.bestFor(Set.of("avx2", "fma", "avx512f")));
        assertEquals(NativeBackend.Build.GENERIC, NativeBackend.bestFor(Set.of("sse4_2", "avx")));
        assertEquals(NativeBackend.Build.GENERIC, NativeBackend.bestFor(Set.of()));
    }

    @Test
    void anUnknownForcedBuildNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBackend.parse("avx9000"));
        assertTrue(e.getMessage().contains("avx512, avx2 or generic"), e.getMessage());
    }

    @Test
    void forcingTheGenericBuildRunsWithoutHelpers() throws Exception {
        assertEquals("build=GENERIC helpers=[]", probe("generic"));
    }

    @Test
    void forcingTheAvx2BuildRunsWithOneDnnHelpers() throws Exception {
        assumeTrue(NativeBackend.cpuFlags().contains("avx2"), "CPU without AVX2");
        String line = probe("avx2");
        assertTrue(line.startsWith("build=ONEDNN_AVX2 helpers=[MKLDNNConvHelper"), line);
    }

    /** The build is fixed once per process, so each forced choice runs in its own JVM. */
    private static String probe(String build) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeBackend.FORCE_PROPERTY + "=" + build, "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp", System.getProperty("java.class.path"), BackendProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("build=")).findFirst().orElse(out);
    }
}
