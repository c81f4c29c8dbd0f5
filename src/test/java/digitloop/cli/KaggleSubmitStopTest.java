package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.data.KaggleTestFiles;
import digitloop.files.AppHome;
import digitloop.files.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (or a kill's SIGTERM: both run the shutdown hooks) during {@code kaggle submit}: it stops and leaves no file. */
class KaggleSubmitStopTest {
    @Test
    void aSignalWhileScoringLeavesNoSubmissionAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path test = KaggleTestFiles.testCsv(dir);
        Path out = dir.resolve("out/submission.csv");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-D" + AppHome.PROPERTY + "=" + Path.of("").toAbsolutePath(), "-D" + RunLog.FOLDER_PROPERTY + "=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "digitloop.DigitLoopApp",
                "kaggle", "submit", "--model", "models/cnn.zip", "--test", test.toString(), "--out", out.toString());
        Path errFile = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        String stderr;
        try {
            // The progress line is redrawn with \r, never ended: watch the file until scoring is under way.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(errFile).contains("scoring") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(errFile).contains("scoring"), "scoring started: " + Files.readString(errFile));
            p.destroy();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM exited");
            stderr = Files.readString(errFile);
        } finally {
            p.destroyForcibly();
        }

        assertTrue(stderr.contains("stopped by Ctrl+C; " + out + " was not written"), stderr);
        assertTrue(Files.notExists(out), "no submission");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "no temporary file either");
        }
    }
}
