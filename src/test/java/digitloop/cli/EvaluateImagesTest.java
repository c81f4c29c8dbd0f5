package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import digitloop.TestData;
import digitloop.canvas.LabelledFolders;
import digitloop.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --images} with the default CNN on a generated labelled folder. The folder is the one the
 * user guide's figures come from, kept in target/labelled-folder so that
 * {@code ./digitloop evaluate --model models/cnn.zip --images target/labelled-folder} reproduces them.
 */
class EvaluateImagesTest {
    static final Path FOLDER = Path.of("target", "labelled-folder");
    /** Every 10th MNIST test image and 100 images with no digit (20 of each kind, seed 21). */
    static final int DIGITS = 1000;
    static final int STEP = 10;
    static final int NON_DIGITS_PER_KIND = 20;

    @Test
    void theReportOnAGeneratedFolderMatchesItsKnownLabelsAndWhatPredictSays(@TempDir Path dir) throws Exception {
        deleteRecursively(FOLDER);
        List<LabelledFolders.Written> written = LabelledFolders.subfolders(FOLDER, TestData.test(), DIGITS, STEP,
                NON_DIGITS_PER_KIND, 21);
        Path json = dir.resolve("report.json");

        CliErrorsTest.Run run = CliErrorsTest.run("evaluate", "--model", "models/cnn.zip", "--images", FOLDER.toString(),
                "--json", json.toString());

        assertEquals(0, run.code(), run.err());
        System.out.println(run.out());
        JsonNode report = Json.mapper().readTree(json.toFile());
        // The confusion matrix's rows are the folder's labels: each row holds that digit's images.
        int[] perLabel = new int[10];
        written.stream().filter(w -> w.label() >= 0).forEach(w -> perLabel[w.label()]++);
        for (int digit = 0; digit < 10; digit++) {
            int row = 0;
            for (JsonNode cell : report.get("confusion").get(digit)) row += cell.asInt();
            assertEquals(perLabel[digit], row, "images of " + digit);
        }
        assertEquals(DIGITS, report.get("count").asInt());

        // predict reads the same files on its own: its most probable digits, checked against the known labels,
        // give the report's accuracy; its answered rows give the "not sure" figures.
        Path csv = dir.resolve("preds.csv");
        assertEquals(0, CliErrorsTest.run("predict", "--model", "models/cnn.zip", FOLDER.toString(), "--out", csv.toString()).code());
        Map<String, LabelledFolders.Written> byFile = new HashMap<>();
        for (LabelledFolders.Written w : written) byFile.put(key(w.file().toString()), w);
        int right = 0;
        int answered = 0;
        int answeredRight = 0;
        int rejected = 0;
        for (String row : Files.readAllLines(csv).subList(1, written.size() + 1)) {
            String[] f = row.split(",", -1);
            LabelledFolders.Written w = byFile.get(key(f[0]));
            if (w == null) throw new AssertionError("predict read a file the fixture did not write: " + row + " (known e.g. "
                    + byFile.keySet().iterator().next() + ")");
            boolean isAnswered = f[13].equals("true");
            if (w.label() < 0) {
                if (!isAnswered) rejected++;
                continue;
            }
            if (argmax(f) == w.label()) right++;
            if (isAnswered) {
                answered++;
                if (f[1].equals(Integer.toString(w.label()))) answeredRight++;
            }
        }
        JsonNode notSure = report.get("notSure");
        assertEquals((double) right / DIGITS, report.get("accuracy").asDouble(), 1e-9);
        assertEquals(answered, notSure.get("answered").asInt());
        assertEquals((double) answeredRight / answered, notSure.get("accuracyAnswered").asDouble(), 1e-9);
        assertEquals(NON_DIGITS_PER_KIND * 5, notSure.get("nonDigits").asInt());
        assertEquals(rejected, notSure.get("nonDigitsRejected").asInt());
        // The default CNN on scans of real test digits (README, "Not sure"): the floors PredictCommandTest holds.
        assertTrue(report.get("accuracy").asDouble() >= 0.97, run.out());
        assertTrue(notSure.get("accuracyAnswered").asDouble() >= 0.99, run.out());
        assertTrue(notSure.get("rejectedShare").asDouble() > 0.5, run.out());
        assertTrue(run.out().contains("\"not sure\""), run.out());
        assertTrue(run.out().contains("not-a-digit rejected"), run.out());
    }

    @Test
    void aBadFolderIsOneLineAndNoReport(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mine/seven"));
        Path json = dir.resolve("report.json");

        CliErrorsTest.Run run = CliErrorsTest.run("evaluate", "--model", "models/cnn.zip", "--images", dir.resolve("mine").toString(),
                "--json", json.toString());

        assertEquals(1, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + folder + ": 'seven' is not a label"), run.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void imagesAndDataCsvTogetherIsAUsageError(@TempDir Path dir) throws Exception {
        CliErrorsTest.Run run = CliErrorsTest.run("evaluate", "--model", "models/cnn.zip", "--images", dir.toString(),
                "--data-csv", dir.resolve("train.csv").toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("--images and --data-csv are two data sets; choose one"), run.err());
    }

    /** "7/test-00000.png": the label folder and the file's name. */
    private static String key(String file) {
        Path p = Path.of(file);
        return p.getParent().getFileName() + "/" + p.getFileName();
    }

    private static int argmax(String[] fields) {
        int best = 0;
        for (int c = 1; c < 10; c++) if (Double.parseDouble(fields[3 + c]) > Double.parseDouble(fields[3 + best])) best = c;
        return best;
    }

    static void deleteRecursively(Path folder) throws Exception {
        if (!Files.exists(folder)) return;
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
