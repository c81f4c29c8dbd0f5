package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.canvas.LabelledFolders;
import digitloop.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --images}: a folder of own images mixed into training, here fine-tuning a small model. */
class TrainImagesTest {

    @Test
    void fineTuningOnAFolderLearnsItsImages(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("mine");
        LabelledFolders.subfolders(folder, TestData.test(), 200, 41, 2, 5);
        Path base = dir.resolve("base.zip");
        Path tuned = dir.resolve("tuned.zip");
        CliErrorsTest.Run first = CliErrorsTest.run("train", "--model", "mlp", "--limit", "2000", "--epochs", "1", "--out", base.toString());
        assertEquals(0, first.code(), first.err());

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "mlp", "--from", base.toString(), "--images", folder.toString(),
                "--images-share", "0.3", "--limit", "2000", "--epochs", "2", "--lr", "5e-4", "--out", tuned.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Own images: 200 digits of " + folder + ", 30 % of the training set; "
                + "its 10 not-a-digit images are not trained on"), run.out());
        double before = accuracyOn(base, folder, dir.resolve("before.json"));
        double after = accuracyOn(tuned, folder, dir.resolve("after.json"));
        System.out.printf("small MLP on 200 own images: %.1f %% before, %.1f %% after fine-tuning with them at 30 %%%n",
                before * 100, after * 100);
        // The images were trained on, so this measures that they reached training, not generalisation.
        assertTrue(after >= before + 0.05, before + " -> " + after);
    }

    @Test
    void aBadFolderOrShareStopsBeforeTrainingAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m.zip");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "mlp", "--images", empty.toString(), "--out", out.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("error: " + empty + " is empty: put images in subfolders"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        CliErrorsTest.Run share = CliErrorsTest.run("train", "--model", "mlp", "--images", empty.toString(), "--images-share", "1.5",
                "--out", out.toString());
        assertEquals(2, share.code());
        assertTrue(share.err().contains("--images-share must lie between 0 and 1"), share.err());
        assertFalse(Files.exists(out));
    }

    private static double accuracyOn(Path model, Path folder, Path json) throws Exception {
        CliErrorsTest.Run run = CliErrorsTest.run("evaluate", "--model", model.toString(), "--images", folder.toString(),
                "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        return Json.mapper().readTree(json.toFile()).get("accuracy").asDouble();
    }
}
