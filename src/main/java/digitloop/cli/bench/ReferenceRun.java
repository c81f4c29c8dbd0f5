package digitloop.cli.bench;

import digitloop.files.AppHome;
import com.fasterxml.jackson.core.type.TypeReference;
import digitloop.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path out = Files.createTempFile("digitloop-bench-reference", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx4g");
            command.add("-Ddigitloop.native=generic");
            command.add("-D" + AppHome.PROPERTY + "=" + AppHome.folder());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("digitloop.DigitLoopApp");
            command.add("bench");
            command.add("--reference-child=" + out);
            if (quick) command.add("--quick");
            Path log = AppHome.resolve("logs", "bench-reference.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("OMP_PROC_BIND");
            Process process = builder.start();
            int code = process.waitFor();
            if (code != 0) throw new IOException("the reference run failed (exit " + code + "); see " + log);
            return Json.mapper().readValue(out.toFile(), new TypeReference<Map<String, Double>>() { });
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
