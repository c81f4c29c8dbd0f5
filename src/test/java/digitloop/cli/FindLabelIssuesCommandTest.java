package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code find-label-issues} on real MNIST test images, scored by the default CNN; and its refusals. */
class FindLabelIssuesCommandTest {
    @TempDir
    Path dir;

    @Test
    void theTestSplitsDoubtedLabelsGoToACsvAndAGridAndNothingHalfWrittenStays() throws Exception {
        Path out = dir.resolve("issues.csv");
        Path grid = dir.resolve("top.png");
        CliErrorsTest.Run run = CliErrorsTest.run("find-label-issues", "--split", "test", "--limit", "2000", "--with-disagreements",
                "--model", "models/cnn.zip", "--data", "datasets/mnist", "--out", out.toString(), "--grid", grid.toString(),
                "--grid-size", "20");
        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals("rank,id,given,suggested,p_given,p_suggested,score,kind", rows.get(0));
        assertTrue(rows.size() > 3, "the default CNN disagrees with a few of 2,000 test labels: " + rows);
        int[] labels = TestData.test().labels();
        for (int r = 1; r < rows.size(); r++) {
            String[] f = rows.get(r).split(",");
            assertEquals(r, Integer.parseInt(f[0]), "ranks run 1, 2, 3, …");
            int id = Integer.parseInt(f[1]);
            assertTrue(id >= 60_000 && id < 62_000, "a test id of the first 2,000: " + id);
            assertEquals(labels[id - 60_000], Integer.parseInt(f[2]), "the given label is MNIST's");
            assertFalse(f[2].equals(f[3]), "a doubted label has another suggestion");
            assertTrue(f[7].equals("confident") || f[7].equals("argmax"), f[7]);
        }
        assertEquals(10 * (28 * 3 + 6) + 6, ImageIO.read(grid.toFile()).getWidth(), "ten images a row");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("issues.csv", "top.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(run.out().contains("labels doubted"), run.out());
    }

    @Test
    void trainLeavesOutTheIdsOfAnIssuesCsvAndRefusesACsvWithoutIds() throws Exception {
        Path csv = dir.resolve("issues.csv");
        Files.writeString(csv, "rank,id,given,suggested,p_given,p_suggested,score\n1,3,1,7,0.01,0.98,0.01\n2,17,2,7,0.02,0.97,0.02\n"
                + "3,550,3,5,0.03,0.96,0.03\n");
        Path model = dir.resolve("m.zip");
        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "mlp", "--layers", "32", "--epochs", "1", "--limit", "600",
                "--data", "datasets/mnist", "--leave-out", csv.toString(), "--out", model.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Label fixes: 0 labels corrected, 3 images left out"), run.out());
        digitloop.model.TrainingSettings t = digitloop.model.ModelFile.load(model).metadata().training();
        assertEquals(597, t.trainSize() + t.validationSize(), "the three ids of the CSV are neither trained nor validated on");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "file,label\na.png,3\n");
        CliErrorsTest.Run refused = CliErrorsTest.run("train", "--model", "mlp", "--epochs", "1", "--limit", "600", "--data", "datasets/mnist",
                "--leave-out", bad.toString(), "--out", dir.resolve("n.zip").toString());
        assertTrue(refused.code() != 0);
        assertTrue(refused.err().contains("has no id column"), refused.err());
    }

    @Test
    void oneFoldAndAMissingModelAreRefusedInOneLine() {
        CliErrorsTest.Run folds = CliErrorsTest.run("find-label-issues", "--split", "train", "--folds", "1", "--out",
                dir.resolve("a.csv").toString());
        assertEquals(1, folds.err().strip().lines().count(), folds.err());
        assertTrue(folds.err().contains("at least 2 folds"), folds.err());
        assertTrue(folds.code() != 0);
        CliErrorsTest.Run model = CliErrorsTest.run("find-label-issues", "--split", "test", "--model", dir.resolve("none.zip").toString(),
                "--out", dir.resolve("b.csv").toString());
        assertTrue(model.err().contains("no model at") && model.err().contains("--model"), model.err());
        assertTrue(model.code() != 0);
        assertFalse(Files.exists(dir.resolve("b.csv")));
    }
}
