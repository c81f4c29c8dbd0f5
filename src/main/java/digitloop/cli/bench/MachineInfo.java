package digitloop.cli.bench;

import digitloop.model.NativeBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** What the figures were measured on, for the header of docs/benchmarks.md. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", cpuModel());
        m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("SIMD flags", simdFlags());
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        String dl4j = MultiLayerNetwork.class.getPackage().getImplementationVersion();
        m.put("DL4J / ND4J", dl4j == null ? "1.0.0-M2.1" : dl4j);
        m.put("native build", String.valueOf(NativeBackend.chosen()));
        m.put("OMP_PROC_BIND", String.valueOf(System.getenv("OMP_PROC_BIND")));
        m.put("OMP_WAIT_POLICY", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        m.put("max heap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        return m;
    }

    private static String cpuModel() {
        return cpuinfo("model name");
    }

    private static String simdFlags() {
        String flags = cpuinfo("flags");
        return Stream.of(flags.split("\\s+")).filter(f -> f.startsWith("avx") || f.equals("fma") || f.startsWith("sse4"))
                .reduce((a, b) -> a + " " + b).orElse("none seen");
    }

    private static String cpuinfo(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
