package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ImageFilesTest {

    @Test
    void aTextFileNamedPngIsReportedAsNotAnImage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digit.png");
        Files.writeString(file, "hello, not a picture");
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("digit.png"), e.getMessage());
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void anEmptyFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jpg"));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("empty (0 bytes)"), e.getMessage());
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageFiles.read(dir.resolve("gone.png")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
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
        assertTrue(Math.max(read.getWidth(), read.getHeight()) <= ImageFiles.MAX_DECODED_SIDE, read.getWidth() + "x" + read.getHeight());
        assertTrue(MnistNormalizer.normalize(read).isPresent(), "the bar is still there");
    }

    @Test
    void aPathWithSpacesAndNonAsciiLettersLoads(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Zählen 数字"));
        Path file = folder.resolve("meine Ziffer ü.png");
        ImageIO.write(MnistNormalizerTest.stroke(100, 100, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        assertEquals(100, ImageFiles.read(file).getWidth());
    }
}
