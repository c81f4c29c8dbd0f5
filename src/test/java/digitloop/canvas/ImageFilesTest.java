package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilesTest {

    @Test
    void aTextFileNamedPngIsReportedAsNotAnImage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digit.png");
        Files.writeString(file, "hello, not a picture");
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("digit.png"), e.getMessage());
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void anEmptyFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jpg"));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().endsWith("empty.jpg: the file is empty (0 bytes)"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(dir.resolve("gone.png")));
        assertTrue(e.getMessage().contains("gone.png: no such file"), e.getMessage());
    }

    @Test
    void aFolderIsNotAnImage(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("scans.png"));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(folder));
        assertTrue(e.getMessage().contains("scans.png: is a folder"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsReportedAsDamagedOnOneLine(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(MnistNormalizerTest.stroke(300, 300, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().contains("cut.png: is damaged or not a supported image"), e.getMessage());
        assertOneLine(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void eachSupportedFormatLoadsAndHoldsTheDigit(String format, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("digit." + format);
        BufferedImage drawn = MnistNormalizerTest.stroke(120, 90, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        BufferedImage stored = new BufferedImage(120, 90, format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        stored.createGraphics().drawImage(drawn, 0, 0, null);
        assertTrue(ImageIO.write(stored, format, file.toFile()), "a writer for " + format);

        BufferedImage read = ImageFiles.read(file);

        assertEquals(120, read.getWidth());
        assertEquals(90, read.getHeight());
        float[] expected = MnistNormalizerTest.normalize(drawn).pixels();
        float[] actual = MnistNormalizerTest.normalize(read).pixels();
        // JPEG blurs the edges a little; the digit must still be the same digit.
        assertTrue(MnistNormalizerTest.sumOfDifferences(expected, actual) < 15,
                format + " differs by " + MnistNormalizerTest.sumOfDifferences(expected, actual));
    }

    @Test
    void anAnimatedGifGivesItsFirstFrame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two frames.gif");
        BufferedImage first = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED);
        BufferedImage second = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED);
        var g = second.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(first, null, null), null);
            writer.writeToSequence(new IIOImage(second, null, null), null);
            writer.endWriteSequence();
        }
        BufferedImage read = ImageFiles.read(file);
        assertEquals(40, read.getWidth());
        assertEquals(0, read.getRGB(20, 20) & 0xffffff, "the first (black) frame");
    }

    @Test
    void aTenThousandPixelImageIsDecodedSubsampledWithoutRunningOutOfMemory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scan.png");
        // 1-bit pixels keep the file small; decoded at full size it would need 400 MB as ARGB.
        BufferedImage huge = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY);
        var g = huge.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 10_000, 10_000);
        g.setColor(Color.BLACK);
        g.fillRect(4000, 2000, 1500, 6000);
        g.dispose();
        ImageIO.write(huge, "png", file.toFile());
        huge = null;

        BufferedImage read = ImageFiles.read(file);
        assertEquals(ImageFiles.MAX_DECODED_SIDE, read.getWidth(), "every 5th column");
        assertEquals(ImageFiles.MAX_DECODED_SIDE, read.getHeight(), "every 5th row");
        NormalizedImage bar = MnistNormalizerTest.normalize(read);
        // The bar (4000, 2000, 1500 x 6000) at a fifth of its size; the stray-ink trim may take 0.2 % off each end.
        NormalizedImage.Box box = bar.inkBox();
        assertEquals(800, box.x(), 1, box.toString());
        assertEquals(400, box.y(), 3, box.toString());
        assertEquals(300, box.width(), 2, box.toString());
        assertEquals(1200, box.height(), 6, box.toString());
    }

    @Test
    void aPathWithSpacesAndNonAsciiLettersLoads(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ü").resolve("Zählen 数字"));
        Path file = folder.resolve("meine Ziffer ü.png");
        ImageIO.write(MnistNormalizerTest.stroke(100, 100, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        assertEquals(100, ImageFiles.read(file).getWidth());
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
    }
}
