package digitloop.cli.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs the reference measurements in a child JVM with DL4J's defaults: the generic native build,
 * layer helpers off, OpenMP threads unpinned. The native build is fixed once per process, so the
 * reference cannot share the parent's JVM.
 */
final class ReferenceRun {
    private ReferenceRun() {
    }

    static Map<String, Double> run(boolean quick) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OMP_PROC_BIND", null);
        env.put("OMP_WAIT_POLICY", null);
        return ChildJvm.run(List.of("-Xmx4g", "-Ddigitloop.native=generic"), "--reference-child", quick ? List.of("--quick") : List.of(),
                env, "bench-reference.log");
    }
}
