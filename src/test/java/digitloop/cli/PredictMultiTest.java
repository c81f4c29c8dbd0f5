package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.canvas.DigitRows;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --multi}: a row per digit with its box, the number per file, boxes drawn on request. */
class PredictMultiTest {
    private static final String MODEL = Path.of("models", "cnn.zip").toString();

    @Test
    void readsRowsOfTestDigitsAndDrawsTheirBoxes(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SplittableRandom random = new SplittableRandom(7);
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            DigitRows.Row row = DigitRows.make(TestData.test(), 3 + k, DigitRows.Spacing.GAPS, random);
            ImageIO.write(row.image(), "png", images.resolve("row-" + k + ".png").toFile());
            numbers.add(row.number());
        }
        ImageIO.write(new BufferedImage(200, 80, BufferedImage.TYPE_BYTE_GRAY), "png", images.resolve("v-blank.png").toFile());
        Files.writeString(images.resolve("w-junk.png"), "not an image");
        Path csv = dir.resolve("numbers.csv");
        Path boxes = dir.resolve("boxes");

        CliErrorsTest.Run run = CliErrorsTest.run("predict", "--multi", "--model", MODEL, images.toString(), "--out", csv.toString(),
                "--boxes", boxes.toString());

        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(MultiDigitPredict.HEADER, rows.get(0));
        int right = 0;
        for (int k = 0; k < numbers.size(); k++) {
            String file = images.resolve("row-" + k + ".png").toString();
            List<String[]> mine = rows.stream().skip(1).map(r -> r.split(",", -1)).filter(f -> f[0].equals(file)).toList();
            assertEquals(numbers.get(k).length(), mine.size(), "a row per digit of " + numbers.get(k));
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(String.valueOf(i), mine.get(i)[1]);
                assertTrue(Integer.parseInt(mine.get(i)[4]) > 0 && Integer.parseInt(mine.get(i)[5]) > 0, "a box");
            }
            if (mine.get(0)[9].equals(numbers.get(k))) right++;
            assertTrue(Files.isRegularFile(boxes.resolve("row-" + k + ".boxes.png")));
            BufferedImage drawn = ImageIO.read(boxes.resolve("row-" + k + ".boxes.png").toFile());
            assertEquals(ImageIO.read(Path.of(file).toFile()).getWidth(), drawn.getWidth());
        }
        assertTrue(right >= 3, right + " of 5 numbers read exactly");
        String blank = rows.stream().filter(r -> r.contains("v-blank.png")).findFirst().orElseThrow();
        assertTrue(blank.endsWith("no ink: nothing to recognise"), blank);
        String junk = rows.stream().filter(r -> r.contains("w-junk.png")).findFirst().orElseThrow();
        assertTrue(junk.contains(",false,") && !junk.contains("Exception"), junk);
        try (Stream<Path> left = Files.list(boxes)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no half-written file");
        }
    }

    @Test
    void boxesWithoutMultiIsAUsageError(@TempDir Path dir) {
        CliErrorsTest.Run run = CliErrorsTest.run("predict", "--model", MODEL, dir.toString(), "--boxes", dir.toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("--boxes draws the boxes of --multi"), run.err());
    }
}
