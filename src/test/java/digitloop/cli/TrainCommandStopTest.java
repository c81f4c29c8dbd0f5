package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.files.AppHome;
import digitloop.files.RunLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (or a kill's SIGTERM: both run the shutdown hooks) during {@code train}: it stops, and leaves no file. */
class TrainCommandStopTest {
    @Test
    void aSignalDuringTrainingStopsItAndLeavesNoModelAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path out = dir.resolve("models/stopped.zip");
        Path err = dir.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-D" + AppHome.PROPERTY + "=" + home, "-D" + RunLog.FOLDER_PROPERTY + "=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "digitloop.DigitLoopApp",
                "train", "--model", "mlp", "--layers", "64", "--limit", "3000", "--epochs", "200", "--out", out.toString());
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String firstEpoch = null;
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // The first row of the epoch table: training is under way, and 199 epochs are still to come.
            while ((line = stdout.readLine()) != null) {
                if (line.matches("\\s+1\\s+\\d.*")) {
                    firstEpoch = line;
                    break;
                }
            }
            assertNotNull(firstEpoch, "training started: " + Files.readString(err));
            p.destroy();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM exited");
        } finally {
            p.destroyForcibly();
        }

        String stderr = Files.readString(err);
        assertTrue(stderr.contains("cancelled in epoch") && stderr.contains("nothing was saved"), stderr);
        assertTrue(Files.notExists(out), "no model");
        if (Files.isDirectory(out.getParent())) {
            try (Stream<Path> left = Files.list(out.getParent())) {
                assertEquals(List.of(), left.toList(), "no temporary file either");
            }
        }
    }
}
