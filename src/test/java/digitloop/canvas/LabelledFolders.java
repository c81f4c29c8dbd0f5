package digitloop.canvas;

import digitloop.data.Digits;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Labelled folders as a person would bring them, made from real MNIST test digits: each enlarged to
 * 200x200, dark ink on white paper, every third one inverted (light on dark), every fourth one a JPEG of
 * quality 0.75, the rest PNG; plus images with no digit ({@link NonDigitImages}: letters, shapes,
 * scribbles, photos, noise) in {@code not-a-digit/}. The labels written are the MNIST labels, so a report
 * on the folder can be checked against them.
 */
public final class LabelledFolders {
    /** One written image: its file, its label (-1 for not a digit) and, for a digit, its MNIST test index. */
    public record Written(Path file, int label, int testIndex) {
    }

    private LabelledFolders() {
    }

    /** Subfolders {@code 0/} … {@code 9/} and {@code not-a-digit/}: test digits {@code 0, step, 2·step…}. */
    public static List<Written> subfolders(Path folder, Digits test, int digits, int step, int nonDigitsPerKind, long seed)
            throws IOException {
        List<Written> written = new ArrayList<>();
        for (int k = 0; k < digits; k++) {
            int index = k * step;
            int label = test.label(index);
            Path dir = Files.createDirectories(folder.resolve(Integer.toString(label)));
            written.add(new Written(writeDigit(dir, test.image(index), index, k), label, index));
        }
        if (nonDigitsPerKind > 0) {
            Path dir = Files.createDirectories(folder.resolve(ImageFolderReader.NOT_A_DIGIT));
            List<NonDigitImages.Sample> samples = NonDigitImages.make(nonDigitsPerKind, seed);
            for (int i = 0; i < samples.size(); i++) {
                Path file = dir.resolve(String.format(Locale.ROOT, "%s-%03d.png", samples.get(i).kind(), i));
                ImageIO.write(samples.get(i).image(), "png", file.toFile());
                written.add(new Written(file, -1, -1));
            }
        }
        return written;
    }

    /** The same kind of images in one flat folder with a {@code labels.csv} (a header, then file,label). */
    public static List<Written> withCsv(Path folder, Digits test, int digits, int step) throws IOException {
        Files.createDirectories(folder);
        List<Written> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("file,label\n");
        for (int k = 0; k < digits; k++) {
            int index = k * step;
            Path file = writeDigit(folder, test.image(index), index, k);
            written.add(new Written(file, test.label(index), index));
            csv.append(file.getFileName()).append(',').append(test.label(index)).append('\n');
        }
        Files.writeString(folder.resolve(ImageFolderReader.LABELS_CSV), csv);
        return written;
    }

    private static Path writeDigit(Path dir, float[] pixels, int index, int k) throws IOException {
        BufferedImage image = enlarged(pixels, k % 3 == 2);
        if (k % 4 == 3) {
            Path file = dir.resolve(String.format(Locale.ROOT, "test-%05d.jpg", index));
            writeJpeg(image, file, 0.75f);
            return file;
        }
        Path file = dir.resolve(String.format(Locale.ROOT, "test-%05d.png", index));
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A 28x28 digit as a 200x200 scan: dark on white, or light on dark when {@code inverted}. */
    static BufferedImage enlarged(float[] pixels, boolean inverted) {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int ink = Math.round(pixels[y * 28 + x] * 255);
                small.getRaster().setSample(x, y, 0, inverted ? ink : 255 - ink);
            }
        }
        BufferedImage big = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setColor(inverted ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.drawImage(small.getScaledInstance(200, 200, Image.SCALE_SMOOTH), 0, 0, null);
        g.dispose();
        return big;
    }

    static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
