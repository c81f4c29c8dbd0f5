package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.data.FolderImages;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's folder of images as a dataset: both layouts on real MNIST digits, and every kind of bad folder. */
class ImageFolderReaderTest {

    @Test
    void subfoldersGiveEveryDigitItsLabelAndKeepNonDigitsApart(@TempDir Path dir) throws Exception {
        List<LabelledFolders.Written> written = LabelledFolders.subfolders(dir, TestData.test(), 60, 37, 2, 3);

        FolderImages images = read(dir);

        assertEquals(60, images.digits().size());
        assertEquals(10, images.nonDigits().size());
        assertTrue(images.skipped().isEmpty(), images.skipped().toString());
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < images.digits().size(); i++) {
            Path file = images.digitFiles().get(i);
            LabelledFolders.Written w = written.stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow();
            assertEquals(w.label(), images.digits().label(i), file.toString());
            assertEquals(file, images.file(images.digits().id(i)));
            ids.add(images.digits().id(i));
        }
        for (int i = 0; i < images.nonDigits().size(); i++) {
            assertEquals(Digits.UNLABELED, images.nonDigits().label(i));
            assertTrue(images.nonDigitFiles().get(i).toString().contains(ImageFolderReader.NOT_A_DIGIT));
            ids.add(images.nonDigits().id(i));
        }
        assertEquals(70, ids.size(), "every image its own id");
        assertTrue(ids.stream().allMatch(id -> id >= FolderImages.FIRST_ID), "ids clear of MNIST's");
    }

    @Test
    void anInvertedJpegIsNormalisedLikeTheMnistDigitItWasMadeFrom(@TempDir Path dir) throws Exception {
        // k = 11 of the fixture is inverted (k % 3 == 2) and a JPEG (k % 4 == 3).
        List<LabelledFolders.Written> written = LabelledFolders.withCsv(dir, TestData.test(), 12, 1);
        LabelledFolders.Written jpeg = written.get(11);
        assertTrue(jpeg.file().toString().endsWith(".jpg"));

        FolderImages images = read(dir);

        int i = images.digitFiles().indexOf(jpeg.file());
        float[] mine = images.digits().image(i);
        // Enlarging, JPEG and the normaliser's crop and centring change pixels, so not equal: but of the
        // twelve MNIST digits written, the one it was made from is the nearest.
        int nearest = -1;
        double best = Double.MAX_VALUE;
        for (LabelledFolders.Written w : written) {
            float[] mnist = TestData.test().image(w.testIndex());
            double diff = 0;
            for (int p = 0; p < mine.length; p++) diff += Math.abs(mine[p] - mnist[p]);
            if (diff < best) {
                best = diff;
                nearest = w.testIndex();
            }
        }
        assertEquals(jpeg.testIndex(), nearest);
    }

    @Test
    void labelsCsvGivesTheSameLabelsAsSubfolders(@TempDir Path dir) throws Exception {
        LabelledFolders.subfolders(dir.resolve("a"), TestData.test(), 40, 13, 0, 0);
        LabelledFolders.withCsv(dir.resolve("b"), TestData.test(), 40, 13);

        FolderImages a = read(dir.resolve("a"));
        FolderImages b = read(dir.resolve("b"));

        assertEquals(40, b.digits().size());
        assertArrayEquals(sorted(a.digits().labels()), sorted(b.digits().labels()));
        for (int i = 0; i < b.digits().size(); i++) {
            String name = b.digitFiles().get(i).getFileName().toString();
            int j = indexOfName(a, name);
            assertEquals(a.digits().label(j), b.digits().label(i), name);
        }
    }

    @Test
    void aFileThatIsNoImageAndABlankImageAreLeftOutAndListed(@TempDir Path dir) throws Exception {
        LabelledFolders.subfolders(dir, TestData.test(), 5, 1, 0, 0);
        Path three = Files.createDirectories(dir.resolve("3"));
        Files.writeString(three.resolve("notes.png"), "not a picture");
        BufferedImage white = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        var g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        ImageIO.write(white, "png", three.resolve("blank.png").toFile());
        Files.writeString(three.resolve(".DS_Store"), "finder");

        FolderImages images = read(dir);

        assertEquals(5, images.digits().size());
        assertEquals(2, images.skipped().size(), images.skipped().toString());
        assertTrue(images.skipped().stream().anyMatch(s -> s.file().endsWith("notes.png") && s.reason().contains("not an image")));
        assertTrue(images.skipped().stream().anyMatch(s -> s.file().endsWith("blank.png") && s.reason().contains("no ink")));
    }

    @Test
    void anUnlabelledFolderIsReadWithUnknownLabels(@TempDir Path dir) throws Exception {
        LabelledFolders.withCsv(dir, TestData.test(), 8, 1);
        Files.delete(dir.resolve(ImageFolderReader.LABELS_CSV));

        FolderImages images = ImageFolderReader.readUnlabelled(dir, CancellationToken.none(), ProgressSink.NONE);

        assertEquals(8, images.digits().size());
        assertTrue(java.util.Arrays.stream(images.digits().labels()).allMatch(l -> l == Digits.UNLABELED));
    }

    @Test
    void badFoldersStopWithOneLineEach(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLine(empty, "is empty: put images in subfolders 0/ … 9/");

        Path noImage = Files.createDirectories(dir.resolve("no-image/4"));
        Files.writeString(noImage.resolve("readme.txt"), "hello");
        assertOneLine(dir.resolve("no-image"), "holds no image that can be used (1 file; first: 4/readme.txt, not an image");

        Path badName = dir.resolve("bad-name");
        LabelledFolders.subfolders(badName, TestData.test(), 3, 1, 0, 0);
        Files.createDirectories(badName.resolve("sevens"));
        assertOneLine(badName, "'sevens' is not a label; name the subfolders 0 … 9 or not-a-digit");

        Path missing = dir.resolve("missing");
        LabelledFolders.withCsv(missing, TestData.test(), 3, 1);
        Files.writeString(missing.resolve("labels.csv"), "gone.png,7\nalso-gone.png,1\n", java.nio.file.StandardOpenOption.APPEND);
        assertOneLine(missing, "names 2 images that are not in " + missing + " (first: gone.png (line 5))");

        Path badLabel = dir.resolve("bad-label");
        LabelledFolders.withCsv(badLabel, TestData.test(), 2, 1);
        Files.writeString(badLabel.resolve("labels.csv"), "test-00000.png,seven\n");
        assertOneLine(badLabel, "line 1: 'seven' is not a label (0 … 9 or not-a-digit)");

        Path loose = dir.resolve("loose");
        LabelledFolders.subfolders(loose, TestData.test(), 3, 1, 0, 0);
        Files.copy(LabelledFolders.withCsv(dir.resolve("src"), TestData.test(), 1, 1).get(0).file(), loose.resolve("stray.png"));
        assertOneLine(loose, "holds 1 file outside the label subfolders (first: stray.png)");

        assertOneLine(dir.resolve("nowhere"), "no such folder: " + dir.resolve("nowhere"));
    }

    private static void assertOneLine(Path folder, String expected) {
        ImageFolderException e = assertThrows(ImageFolderException.class, () -> read(folder));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static FolderImages read(Path dir) throws Exception {
        return ImageFolderReader.readLabelled(dir, CancellationToken.none(), ProgressSink.NONE);
    }

    private static int indexOfName(FolderImages images, String name) {
        for (int i = 0; i < images.digitFiles().size(); i++) if (images.digitFiles().get(i).getFileName().toString().equals(name)) return i;
        throw new AssertionError(name);
    }

    private static int[] sorted(int[] a) {
        int[] b = a.clone();
        java.util.Arrays.sort(b);
        return b;
    }
}
