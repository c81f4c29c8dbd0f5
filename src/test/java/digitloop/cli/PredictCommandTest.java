package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.canvas.NonDigitImages;
import digitloop.data.Digits;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} on image files a person might have: scans of real digits, non-digits, junk. */
public class PredictCommandTest {
    private static final Path MODEL = Path.of("models", "cnn.zip");

    @Test
    void readsEnlargedRealTestDigitsDarkOnWhiteRight(@TempDir Path dir) throws Exception {
        Digits test = TestData.test();
        Map<String, Integer> truth = new HashMap<>();
        int count = 500;
        for (int i = 0; i < count; i++) {
            // Every 20th test image, so all writers and digits are represented.
            int index = i * 20;
            String name = String.format("digit-%05d.png", index);
            ImageIO.write(enlargedDarkOnWhite(test.image(index)), "png", dir.resolve(name).toFile());
            truth.put(dir.resolve(name).toString(), test.label(index));
        }
        Path csv = dir.resolve("preds.csv");

        CliErrorsTest.Run run = CliErrorsTest.run("predict", "--model", MODEL.toString(), dir.toString(), "--out", csv.toString());

        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(PredictCommand.HEADER, rows.get(0));
        int right = 0;
        int answered = 0;
        int answeredRight = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            int truthLabel = truth.get(f[0]);
            if (argmax(f) == truthLabel) right++;
            if (!f[1].isEmpty()) {
                answered++;
                if (f[1].equals(String.valueOf(truthLabel))) answeredRight++;
            }
        }
        double share = (double) right / count;
        double precision = (double) answeredRight / answered;
        System.out.printf("predict on %d enlarged test digits: most probable digit right %.1f %%, answered %.1f %%, "
                + "answered right %.2f %%%n", count, share * 100, 100.0 * answered / count, precision * 100);
        assertTrue(share >= 0.97, "most probable digit right on " + share);
        assertTrue(precision >= 0.99, "answers right on " + precision);
    }

    @Test
    void saysNotSureForMostImagesWithoutADigit(@TempDir Path dir) throws Exception {
        List<NonDigitImages.Sample> samples = NonDigitImages.make(20, 11);
        for (int i = 0; i < samples.size(); i++) {
            ImageIO.write(samples.get(i).image(), "png", dir.resolve(samples.get(i).kind() + "-" + i + ".png").toFile());
        }
        Path csv = dir.resolve("preds.csv");

        CliErrorsTest.Run run = CliErrorsTest.run("predict", "--model", MODEL.toString(), dir.toString(), "--out", csv.toString());

        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(csv).subList(1, samples.size() + 1);
        long notSure = rows.stream().filter(r -> r.contains(",false,")).count();
        double share = (double) notSure / rows.size();
        System.out.printf("predict on %d non-digit images: %.1f %% not sure%n", rows.size(), share * 100);
        assertTrue(share > 0.5, "not sure on only " + share);
    }

    @Test
    void aTextFileAmongTheImagesIsReportedAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        ImageIO.write(enlargedDarkOnWhite(TestData.test().image(0)), "png", dir.resolve("a seven ü.png").toFile());
        Files.writeString(dir.resolve("notes.png"), "this is not a picture");
        Files.write(dir.resolve("empty.png"), new byte[0]);
        Path csv = dir.resolve("out.csv");

        CliErrorsTest.Run run = CliErrorsTest.run("predict", "--model", MODEL.toString(), dir.toString(), "--out", csv.toString());

        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size(), String.join("\n", rows));
        String seven = rows.stream().filter(r -> r.contains("a seven ü.png")).findFirst().orElseThrow();
        assertTrue(seven.split(",")[1].equals("7"), seven);
        String notes = rows.stream().filter(r -> r.contains("notes.png")).findFirst().orElseThrow();
        assertTrue(notes.contains("not an image (PNG, JPEG, BMP and GIF can be read)"), notes);
        String empty = rows.stream().filter(r -> r.contains("empty.png")).findFirst().orElseThrow();
        assertTrue(empty.contains("empty (0 bytes)"), empty);
        assertTrue(run.err().contains("2 could not be read"), run.err());
    }

    /** The most probable digit from the p0..p9 columns, whether or not the model answered. */
    private static int argmax(String[] fields) {
        int best = 0;
        for (int c = 1; c < 10; c++) {
            if (Double.parseDouble(fields[3 + c]) > Double.parseDouble(fields[3 + best])) best = c;
        }
        return best;
    }

    /** A 28x28 MNIST digit as a 200x200 scan: smooth enlargement, dark ink on white paper. */
    public static BufferedImage enlargedDarkOnWhite(float[] pixels) {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int grey = 255 - Math.round(pixels[y * 28 + x] * 255);
                small.getRaster().setSample(x, y, 0, grey);
            }
        }
        BufferedImage big = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        var g = big.createGraphics();
        g.drawImage(small.getScaledInstance(200, 200, Image.SCALE_SMOOTH), 0, 0, null);
        g.dispose();
        return big;
    }
}
