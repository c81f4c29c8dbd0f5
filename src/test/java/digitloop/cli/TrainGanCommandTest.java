package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.files.RunLog;
import digitloop.gan.GanCheckpoint;
import digitloop.gan.GanFile;
import digitloop.gan.GanMetadata;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-gan}: Ctrl+C (SIGTERM runs the same hooks) leaves no generator and no temporary file but the
 * checkpoint of the last whole epoch, and {@code --resume} carries on from it to the epoch count asked for.
 */
class TrainGanCommandTest {
    private static final String[] SMALL = {"--limit", "320", "--batch", "32", "--z", "8", "--embedding", "4",
            "--generator-channels", "8", "--discriminator-channels", "4"};

    @Test
    void aSignalStopsTrainingWithoutAFileAndResumeContinuesTheEpochCount(@TempDir Path dir) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path out = dir.resolve("models/stopped.zip");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-D" + AppHome.PROPERTY + "=" + home, "-D" + RunLog.FOLDER_PROPERTY + "=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "digitloop.DigitLoopApp",
                "train-gan", "--epochs", "500", "--out", out.toString()));
        command.addAll(List.of(SMALL));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String secondEpoch = null;
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.matches("\\s+2\\s+\\d.*")) {
                    secondEpoch = line;
                    break;
                }
            }
            assertNotNull(secondEpoch, "training started: " + Files.readString(err));
            p.destroy();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM exited");
        } finally {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertTrue(stderr.contains("stopped by Ctrl+C") && stderr.contains("was not written") && stderr.contains("--resume"), stderr);
        assertTrue(Files.notExists(out), "no generator");
        assertTrue(Files.isDirectory(out.resolveSibling("stopped-samples")), "the sample grids of the epochs done");
        for (Path folder : List.of(out.getParent(), out.resolveSibling("stopped.checkpoint"))) {
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(AtomicWrite.TEMP_SUFFIX)).toList(),
                        "no temporary file in " + folder);
            }
        }
        int done = GanCheckpoint.besides(out).state().orElseThrow().epochsDone();
        assertTrue(done >= 2, "the checkpoint holds the epochs done: " + done);

        List<String> resume = new ArrayList<>(List.of("train-gan", "--resume", "--epochs", String.valueOf(done + 1), "--out", out.toString()));
        resume.addAll(List.of(SMALL));
        CliErrorsTest.Run r = CliErrorsTest.run(resume.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+" + (done + 1) + "\\s+\\d.*")), "the next epoch's row: " + r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.matches("\\s+1\\s+\\d.*")), "epoch 1 is not trained again: " + r.out());
        GanMetadata metadata = GanFile.readMetadata(out);
        assertEquals(done + 1, metadata.epochs());
        assertEquals(done + 1, metadata.history().size(), "the history of the epochs before the stop is kept");
        assertTrue(Files.isRegularFile(GanFile.sidecarOf(out)), "the sidecar");
    }

    @Test
    void resumeWithoutACheckpointIsOneClearLine(@TempDir Path dir) {
        CliErrorsTest.Run r = CliErrorsTest.run("train-gan", "--resume", "--out", dir.resolve("none.zip").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("there is no checkpoint"), r.err());
    }
}
