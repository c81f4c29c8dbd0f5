package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --extend N}: the set grown once; refused in one line without an augmentation to grow it with. */
class TrainExtendOptionTest {
    @Test
    void extendWithoutAnAugmentationOrTooManyCopiesIsOneLine(@TempDir Path dir) {
        CliErrorsTest.Run alone = CliErrorsTest.run("train", "--model", "mlp", "--extend", "2", "--out", dir.resolve("a.zip").toString());
        assertTrue(alone.code() != 0, alone.err());
        assertTrue(alone.err().contains("--augment or --handwriting"), alone.err());
        CliErrorsTest.Run many = CliErrorsTest.run("train", "--model", "mlp", "--augment", "--extend", "40", "--out", dir.resolve("b.zip").toString());
        assertEquals(2, many.code(), many.err());
        assertTrue(many.err().contains("--extend") && many.err().contains("0 to 16"), many.err());
        assertFalse(alone.err().contains("at digitloop.") || many.err().contains("at digitloop."));
        assertFalse(Files.exists(dir.resolve("a.zip")) || Files.exists(dir.resolve("b.zip")));
    }

    @Test
    void aGrownSetTrainsAndTheSidecarSaysSo(@TempDir Path dir) {
        Path out = dir.resolve("grown.zip");
        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "mlp", "--augment", "--extend", "1", "--limit", "2000", "--epochs", "1",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        String augmentation = digitloop.model.ModelFile.readMetadata(out).training().augmentation();
        assertTrue(augmentation.contains("grown once by 1 copy"), augmentation);
    }
}
