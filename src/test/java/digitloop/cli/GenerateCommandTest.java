package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.gan.GanConfig;
import digitloop.gan.GanFile;
import digitloop.gan.GanListener;
import digitloop.gan.GanLoss;
import digitloop.gan.GanMetadata;
import digitloop.gan.GanSpec;
import digitloop.gan.GanTrainer;
import digitloop.gan.GanTrainingResult;
import digitloop.task.CancellationToken;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}: its grid and folder outputs from a small generator trained here, and its answers to bad input. */
class GenerateCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void smallGenerator() throws Exception {
        GanSpec spec = new GanSpec(8, 4, GanLoss.LEAST_SQUARES, 8, 4, 1.0);
        GanConfig config = new GanConfig(1, 50, 2e-4, 0.5, 1, 0);
        GanTrainingResult r = new GanTrainer(spec, config, null).train(TestData.train().head(200), false, GanListener.NONE,
                CancellationToken.none());
        model = dir.resolve("small.zip");
        GanFile.save(model, r.generator(), new GanMetadata(GanMetadata.FORMAT_VERSION, GanMetadata.KIND, "small", spec, config,
                r.history(), r.seconds(), r.dataMd5(), null, Map.of(), "test"));
    }

    @Test
    void oneLabelBecomesASquareGridAndTheSameSeedDrawsTheSamePicture() throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        CliErrorsTest.Run r = CliErrorsTest.run("generate", "--model", model.toString(), "--label", "7", "--count", "64", "--seed", "3",
                "--out", a.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliErrorsTest.run("generate", "--model", model.toString(), "--label", "7", "--count", "64", "--seed", "3",
                "--out", b.toString()).code());
        BufferedImage grid = ImageIO.read(a.toFile());
        assertEquals(8 * 28 * 2, grid.getWidth(), "8 columns of 28 px at scale 2");
        assertEquals(8 * 28 * 2, grid.getHeight());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "the same seed, the same digits");
        Path c = dir.resolve("c.png");
        CliErrorsTest.run("generate", "--model", model.toString(), "--label", "7", "--count", "64", "--seed", "4", "--out", c.toString());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, other digits");
    }

    @Test
    void labelAllIsARowPerLabelWithCountColumns() throws Exception {
        Path all = dir.resolve("all.png");
        CliErrorsTest.Run r = CliErrorsTest.run("generate", "--model", model.toString(), "--label", "all", "--count", "5",
                "--scale", "1", "--out", all.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage grid = ImageIO.read(all.toFile());
        assertEquals(5 * 28, grid.getWidth());
        assertEquals(10 * 28, grid.getHeight());
    }

    @Test
    void aFolderGetsOnePngPerDigitAndNoTemporaryFile() throws Exception {
        Path folder = dir.resolve("sevens");
        CliErrorsTest.Run r = CliErrorsTest.run("generate", "--model", model.toString(), "--label", "7", "--count", "12",
                "--scale", "1", "--out", folder.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(12, names.size(), names.toString());
            assertEquals("7-0000.png", names.get(0));
            assertEquals("7-0011.png", names.get(11));
        }
        BufferedImage one = ImageIO.read(folder.resolve("7-0005.png").toFile());
        assertEquals(28, one.getWidth());
        assertEquals(28, one.getHeight());
    }

    @Test
    void badInputIsOneClearLineAndAFailingExitCode() {
        String out = dir.resolve("bad.png").toString();
        assertOneLine(CliErrorsTest.run("generate", "--model", model.toString(), "--label", "10", "--out", out), "--label must be a digit 0-9 or 'all'");
        assertOneLine(CliErrorsTest.run("generate", "--model", model.toString(), "--label", "3", "--count", "0", "--out", out), "--count must be 1-");
        assertOneLine(CliErrorsTest.run("generate", "--model", dir.resolve("none.zip").toString(), "--label", "3", "--out", out), "does not exist");
        assertOneLine(CliErrorsTest.run("generate", "--model", Path.of("models", "cnn.zip").toString(), "--label", "3", "--out", out),
                "is not a DigitLoop generator");
        assertTrue(Files.notExists(Path.of(out)), "nothing written");
    }

    private static void assertOneLine(CliErrorsTest.Run r, String expected) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
