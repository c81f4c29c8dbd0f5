package digitloop.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses ND4J's native build and DL4J's helper switch before ND4J loads. DL4J's defaults leave
 * the oneDNN kernels out (helpers disabled, and the default native build has no oneDNN), which on
 * 2 cores costs a factor of five or more in CNN training; see docs/benchmarks.md.
 *
 * <p>Call {@link #configure()} first thing in {@code main} and in tests, before any ND4J class is
 * touched: the native library is picked once per process.
 */
public final class NativeBackend {
    /** System property to force a build: {@code avx512}, {@code avx2} or {@code generic}. */
    public static final String FORCE_PROPERTY = "digitloop.native";

    private static final Logger log = LoggerFactory.getLogger(NativeBackend.class);
    private static volatile Build chosen;

    /** The native builds this project ships, best first. */
    public enum Build {
        ONEDNN_AVX512("-onednn-avx512", true),
        ONEDNN_AVX2("-onednn-avx2", true),
        GENERIC("", false);

        final String extension;
        final boolean helpers;

        Build(String extension, boolean helpers) {
            this.extension = extension;
            this.helpers = helpers;
        }

        public boolean usesOneDnn() { return helpers; }
    }

    private NativeBackend() {
    }

    /** Picks the build for this CPU (or the forced one), sets the switches, and returns the choice. */
    public static synchronized Build configure() {
        if (chosen != null) return chosen;
        String forced = System.getProperty(FORCE_PROPERTY, System.getenv("DIGITLOOP_NATIVE"));
        Build build = forced == null || forced.isBlank() ? bestFor(cpuFlags()) : parse(forced);
        System.setProperty("org.bytedeco.javacpp.platform.extension", build.extension);
        // DL4J reads this once per layer; its default "true" keeps every oneDNN helper off.
        System.setProperty("org.eclipse.deeplearning4j.helpers.disable", Boolean.toString(!build.helpers));
        chosen = build;
        log.info("Native backend: {} (CPU flags avx512={}, avx2={}{})", build,
                cpuFlags().contains("avx512f"), cpuFlags().contains("avx2"),
                forced == null ? "" : ", forced by " + FORCE_PROPERTY);
        return build;
    }

    /** The build chosen by {@link #configure()}, or null before it ran. */
    public static Build chosen() { return chosen; }

    static Build bestFor(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) return Build.ONEDNN_AVX512;
        if (flags.containsAll(Set.of("avx2", "fma"))) return Build.ONEDNN_AVX2;
        return Build.GENERIC;
    }

    static Build parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "avx512", "onednn-avx512" -> Build.ONEDNN_AVX512;
            case "avx2", "onednn-avx2" -> Build.ONEDNN_AVX2;
            case "generic", "default", "none" -> Build.GENERIC;
            default -> throw new IllegalArgumentException(
                    FORCE_PROPERTY + " must be avx512, avx2 or generic, got '" + name + "'");
        };
    }

    /** The CPU's feature flags from /proc/cpuinfo; empty where there is no such file. */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) return Set.of();
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Stream.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
