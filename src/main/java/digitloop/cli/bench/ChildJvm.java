package digitloop.cli.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import digitloop.files.AppHome;
import digitloop.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bench measurement run in a child JVM of this one's class path: what the native library fixes once
 * per process (its build, OpenMP's threads and wait policy, read from the environment at load) can only
 * be compared across processes. The child writes its figures to a JSON file the parent reads back.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code bench <childOption>=<file> <extra...>} with {@code jvmOptions}, the environment changed by
     * {@code env} (a null value removes the variable), appending its output to {@code logs/<log>}.
     */
    static Map<String, Double> run(List<String> jvmOptions, String childOption, List<String> extra, Map<String, String> env, String log)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("digitloop-bench-child", ".json");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-D" + AppHome.PROPERTY + "=" + AppHome.folder());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("digitloop.DigitLoopApp");
            command.add("bench");
            command.add(childOption + "=" + out);
            command.addAll(extra);
            Path logFile = AppHome.resolve("logs", log);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            env.forEach((name, value) -> {
                if (value == null) builder.environment().remove(name);
                else builder.environment().put(name, value);
            });
            int code = builder.start().waitFor();
            if (code != 0) throw new IOException("the child JVM of the bench failed (exit " + code + "); see " + logFile);
            return Json.mapper().readValue(out.toFile(), new TypeReference<Map<String, Double>>() { });
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
