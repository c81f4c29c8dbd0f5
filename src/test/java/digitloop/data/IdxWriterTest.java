package digitloop.data;

import static digitloop.data.IdxTestFiles.randomDigits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxWriterTest {
    @TempDir
    Path dir;

    @Test
    void rawFilesRoundTripPixelsLabelsAndCount() throws Exception {
        Digits original = randomDigits(20, 0, 1);
        Path img = dir.resolve("img");
        Path lab = dir.resolve("lab");

        IdxWriter.write(img, lab, original);
        Digits read = IdxReader.read(img, lab, 0);

        assertSameContent(original, read);
        assertEquals(16 + 20 * 784, Files.size(img));
        assertEquals(8 + 20, Files.size(lab));
    }

    @Test
    void aGzNameWritesGzipThatReadsBackTheSame() throws Exception {
        Digits original = randomDigits(20, 0, 2);
        Path img = dir.resolve("img.gz");
        Path lab = dir.resolve("lab.gz");

        IdxWriter.write(img, lab, original);

        assertGzip(img);
        assertGzip(lab);
        assertSameContent(original, IdxReader.read(img, lab, 0));
    }

    @Test
    void theGzipFlagWinsOverTheName() throws Exception {
        Digits original = randomDigits(5, 0, 3);
        Path img = dir.resolve("img");
        Path lab = dir.resolve("lab.gz");

        IdxWriter.writeImages(img, original, true);
        IdxWriter.writeLabels(lab, original, false);

        assertGzip(img);
        assertEquals(IdxReader.LABEL_MAGIC, java.nio.ByteBuffer.wrap(Files.readAllBytes(lab)).getInt(), "raw IDX header");
        assertEquals(5 * 784, IdxReader.readImages(img).length);
    }

    @Test
    void pixelsAreRoundedToTheNearestByteAndClamped() throws Exception {
        float[] pixels = new float[784];
        pixels[0] = 0.4f / 255f;
        pixels[1] = 0.6f / 255f;
        pixels[2] = 127.5f / 255f;
        pixels[3] = 1.5f;
        pixels[4] = -0.2f;
        Digits one = Digits.of(pixels, 28, new int[] {3}, new int[] {0});
        Path img = dir.resolve("img");

        IdxWriter.writeImages(img, one);
        byte[] bytes = Files.readAllBytes(img);

        assertEquals(0, bytes[16] & 0xff);
        assertEquals(1, bytes[17] & 0xff);
        assertEquals(128, bytes[18] & 0xff);
        assertEquals(255, bytes[19] & 0xff);
        assertEquals(0, bytes[20] & 0xff);
    }

    @Test
    void writingReplacesAnOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path img = dir.resolve("img");
        IdxWriter.writeImages(img, randomDigits(3, 0, 4));

        IdxWriter.writeImages(img, randomDigits(7, 0, 5));

        assertEquals(7 * 784, IdxReader.readImages(img).length);
        assertEquals(List.of(img), listFolder());
    }

    @Test
    void aWrittenFileGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path img = dir.resolve("img");

        IdxWriter.writeImages(img, randomDigits(1, 0, 8));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(img));
    }

    @Test
    void writingCreatesTheFolder() throws Exception {
        Path img = dir.resolve("a/b/img");

        IdxWriter.writeImages(img, randomDigits(1, 0, 6));

        assertTrue(Files.isRegularFile(img));
    }

    @Test
    void unlabeledSamplesCannotBeWrittenAsIdxLabels() {
        Digits unlabeled = randomDigits(3, 0, 7).withLabels(new int[] {1, Digits.UNLABELED, 2});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxWriter.writeLabels(dir.resolve("lab"), unlabeled));

        assertTrue(e.getMessage().contains("index 1 is -1"), e.getMessage());
    }

    private List<Path> listFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static void assertGzip(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0x1f, bytes[0] & 0xff, file + " starts with the gzip magic");
        assertEquals(0x8b, bytes[1] & 0xff, file + " starts with the gzip magic");
    }

    private static void assertSameContent(Digits expected, Digits actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.labels(), actual.labels());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.image(i), actual.image(i), "image " + i);
        }
    }
}
