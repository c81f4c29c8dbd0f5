package digitloop.data;

import static digitloop.data.IdxTestFiles.gzip;
import static digitloop.data.IdxTestFiles.imageFile;
import static digitloop.data.IdxTestFiles.images;
import static digitloop.data.IdxTestFiles.labelFile;
import static digitloop.data.IdxTestFiles.labels;
import static digitloop.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsImagesAndLabelsScaledToUnitRangeWithIdsFromFirstId() throws Exception {
        Path img = write(dir, "img", images(3));
        Path lab = write(dir, "lab", labels(5, 0, 9));

        Digits digits = IdxReader.read(img, lab, 100);

        assertEquals(3, digits.size());
        assertEquals(28, digits.side());
        assertArrayEquals(new int[] {5, 0, 9}, digits.labels());
        assertArrayEquals(new int[] {100, 101, 102}, digits.ids());
        float[] second = digits.image(1);
        assertEquals(7 / 255f, second[0], 0);
        assertEquals(((7 + 250) % 256) / 255f, second[250], 0);
        assertEquals(255 / 255f, digits.image(0)[255], 0);
    }

    @Test
    void gzipIsRecognisedByItsBytesNotByItsName() throws Exception {
        Path img = write(dir, "images-without-suffix", gzip(images(2)));
        Path lab = write(dir, "labels.idx", gzip(labels(1, 2)));

        Digits digits = IdxReader.read(img, lab, 0);

        assertEquals(2, digits.size());
        assertArrayEquals(new int[] {1, 2}, digits.labels());
        float[] raw = IdxReader.readImages(write(dir, "raw", images(2)));
        assertArrayEquals(raw, concat(digits.image(0), digits.image(1)));
    }

    @Test
    void aFileNamedGzThatIsNotGzipSaysSoAndWhatToDo() throws Exception {
        Path img = write(dir, "train-images-idx3-ubyte.gz", images(1));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("train-images-idx3-ubyte.gz"), message);
        assertTrue(message.contains("not gzip"), message);
        assertTrue(message.contains("00 00"), message);
        assertTrue(message.contains("drop the .gz"), message);
    }

    @Test
    void damagedGzipNamesTheFileAndAsksForANewDownload() throws Exception {
        byte[] whole = gzip(images(50));
        Path img = write(dir, "cut.gz", Arrays.copyOf(whole, whole.length / 2));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("cut.gz"), message);
        assertTrue(message.contains("gzip data is damaged"), message);
        assertTrue(message.contains("Download the file again"), message);
    }

    @Test
    void badMagicNumberSaysWhatWasFoundAndWhatWasExpected() throws Exception {
        Path img = write(dir, "img", imageFile(0x00000804, 1, 28, 28, new byte[784]));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("bad magic number 0x00000804"), message);
        assertTrue(message.contains("expected 0x00000803"), message);
        assertTrue(message.contains(img.toAbsolutePath().toString()), message);
    }

    @Test
    void aLabelFileReadAsImagesIsCalledALabelFile() throws Exception {
        Path lab = write(dir, "train-labels-idx1-ubyte", labels(1, 2, 3));

        String message = messageOf(() -> IdxReader.readImages(lab));

        assertTrue(message.contains("0x00000801 (that is an IDX label file)"), message);
        assertTrue(message.contains("expected 0x00000803"), message);
    }

    @Test
    void anImageFileReadAsLabelsHasABadMagicNumber() throws Exception {
        Path img = write(dir, "img", images(1));

        String message = messageOf(() -> IdxReader.readLabels(img));

        assertTrue(message.contains("bad magic number 0x00000803"), message);
        assertTrue(message.contains("expected 0x00000801"), message);
    }

    @Test
    void truncatedHeaderNamesTheFileAndTheBytesThereAre() throws Exception {
        Path img = write(dir, "short-img", Arrays.copyOf(images(1), 10));
        Path tiny = write(dir, "tiny", new byte[] {0, 0});

        String message = messageOf(() -> IdxReader.readImages(img));
        String tinyMessage = messageOf(() -> IdxReader.readLabels(tiny));

        assertTrue(message.contains("short-img: truncated header"), message);
        assertTrue(message.contains("has 10 bytes") && message.contains("needs 16"), message);
        assertTrue(tinyMessage.contains("tiny: truncated header"), tinyMessage);
    }

    @Test
    void truncatedBodyNamesTheFileAndTheMissingBytes() throws Exception {
        byte[] whole = images(3);
        Path img = write(dir, "img", Arrays.copyOf(whole, whole.length - 100));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("img: truncated body"), message);
        assertTrue(message.contains("3 images in 2352 bytes"), message);
        assertTrue(message.contains("there are 2252"), message);
        assertTrue(message.contains("100 missing"), message);
    }

    @Test
    void truncatedLabelBodySaysHowManyLabelsWereExpected() throws Exception {
        Path lab = write(dir, "lab", labelFile(5, 1, 2));

        String message = messageOf(() -> IdxReader.readLabels(lab));

        assertTrue(message.contains("5 labels in 5 bytes but there are 2 (3 missing)"), message);
    }

    @Test
    void bytesBeyondWhatTheHeaderPromisesAreRefused() throws Exception {
        Path lab = write(dir, "lab", labelFile(2, 1, 2, 3));

        String message = messageOf(() -> IdxReader.readLabels(lab));

        assertTrue(message.contains("1 too many"), message);
    }

    @Test
    void imageAndLabelCountMismatchGivesBothCounts() throws Exception {
        Path img = write(dir, "img", images(3));
        Path lab = write(dir, "lab", labels(1, 2));

        String message = messageOf(() -> IdxReader.read(img, lab, 0));

        assertTrue(message.contains("holds 3 images"), message);
        assertTrue(message.contains(lab.toAbsolutePath() + " holds 2 labels"), message);
    }

    @Test
    void imagesThatAreNot28By28SayTheSizeFound() throws Exception {
        Path img = write(dir, "img", imageFile(IdxReader.IMAGE_MAGIC, 2, 32, 30, new byte[2 * 32 * 30]));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("images are 32x30, expected 28x28"), message);
    }

    @Test
    void labelsOutsideZeroToNineNameTheIndexAndTheValue() throws Exception {
        Path lab = write(dir, "lab", labels(3, 9, 10, 4));

        String message = messageOf(() -> IdxReader.readLabels(lab));

        assertTrue(message.contains("label at index 2 is 10, expected a digit 0-9"), message);
    }

    @Test
    void labelBytesAreReadUnsigned() throws Exception {
        Path lab = write(dir, "lab", labels(1, 200));

        String message = messageOf(() -> IdxReader.readLabels(lab));

        assertTrue(message.contains("index 1 is 200"), message);
    }

    @Test
    void aHeaderPromisingBillionsOfImagesIsATruncatedBodyNotAnOutOfMemoryError() throws Exception {
        Path img = write(dir, "img", imageFile(IdxReader.IMAGE_MAGIC, -1, 28, 28, new byte[784]));

        String message = messageOf(() -> IdxReader.readImages(img));

        assertTrue(message.contains("4294967295 images"), message);
        assertTrue(message.contains("truncated body"), message);
    }

    private static String messageOf(Executable read) {
        IdxFormatException e = assertThrows(IdxFormatException.class, read);
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "message is one line: " + message);
        return message;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
