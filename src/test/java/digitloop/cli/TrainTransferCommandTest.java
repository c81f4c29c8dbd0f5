package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.files.AppHome;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --from --strategy}: the default CNN transferred to noisy input, and the options a person can get wrong. */
class TrainTransferCommandTest {
    @Test
    void aHeadTransferToNoisyInputKeepsTheSourcesArchitectureAndTakesTheNewInput(@TempDir Path dir) {
        Path out = dir.resolve("noisy-head.zip");
        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "cnn", "--from", AppHome.resolve("models", "cnn.zip").toString(), "--strategy", "head",
                "--noise", "0.3", "--limit", "3000", "--epochs", "1", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        ModelMetadata m = ModelFile.readMetadata(out);
        assertEquals(0.3, m.degradation().noiseSigma(), 1e-9, "the run's input, not the source's");
        assertEquals(ModelFile.readMetadata(AppHome.resolve("models", "cnn.zip")).architecture(), m.architecture());
        assertTrue(m.test().accuracy() > 0.9, "a new head on the clean model's features, 2,700 noisy images, one epoch: " + m.test().accuracy());
    }

    @Test
    void aWrongStrategyOrOneWithoutASourceIsOneLine(@TempDir Path dir) {
        CliErrorsTest.Run wrong = CliErrorsTest.run("train", "--model", "cnn", "--from", AppHome.resolve("models", "cnn.zip").toString(), "--strategy",
                "sideways", "--out", dir.resolve("x.zip").toString());
        assertEquals(2, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("full, head or gradual"), wrong.err());
        CliErrorsTest.Run alone = CliErrorsTest.run("train", "--model", "cnn", "--strategy", "head", "--out", dir.resolve("y.zip").toString());
        assertTrue(alone.code() != 0 && alone.err().contains("--from"), alone.err());
        assertFalse(alone.err().contains("at digitloop."), "no stack trace: " + alone.err());
        assertFalse(Files.exists(dir.resolve("x.zip")) || Files.exists(dir.resolve("y.zip")));
    }
}
