package digitloop.data;

import static digitloop.data.IdxTestFiles.gzip;
import static digitloop.data.IdxTestFiles.images;
import static digitloop.data.IdxTestFiles.labels;
import static digitloop.data.IdxTestFiles.md5;
import static digitloop.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    @TempDir
    Path dir;

    @Test
    void anEmptyFolderMissesAllFourFiles() {
        DatasetStore store = new DatasetStore(dir);

        assertFalse(store.isComplete());
        assertEquals(List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS),
                store.missing().stream().map(DatasetFile::name).toList());
    }

    @Test
    void theDefaultFolderIsDatasetsMnistUnderTheWorkingDirectory() {
        assertEquals(Path.of("datasets", "mnist").toAbsolutePath(), new DatasetStore().folder());
    }

    @Test
    void gzVariantsOfTheFourNamesCountAsPresent() throws Exception {
        writeSmallDataset(dir, true);
        DatasetStore store = new DatasetStore(dir);

        assertTrue(store.isComplete());
        assertEquals(dir.resolve(TRAIN_IMAGES + ".gz"), store.locate(MnistSplit.TRAIN.images()).orElseThrow());
        assertEquals(4, store.train().size());
    }

    @Test
    void theRawFileIsPreferredWhenBothFormsArePresent() throws Exception {
        writeSmallDataset(dir, false);
        write(dir, TRAIN_IMAGES + ".gz", gzip(images(4)));

        assertEquals(dir.resolve(TRAIN_IMAGES), new DatasetStore(dir).locate(MnistSplit.TRAIN.images()).orElseThrow());
    }

    @Test
    void trainIdsStartAtZeroAndTestIdsStartAt60000() throws Exception {
        writeSmallDataset(dir, false);
        DatasetStore store = new DatasetStore(dir);

        Digits train = store.train();
        Digits test = store.test();

        assertArrayEquals(new int[] {0, 1, 2, 3}, train.ids());
        assertArrayEquals(new int[] {60_000, 60_001}, test.ids());
        assertArrayEquals(new int[] {5, 0, 4, 1}, train.labels());
        assertArrayEquals(new int[] {7, 2}, test.labels());
    }

    @Test
    void readingAnIncompleteFolderSaysWhatIsMissingAndHowToGetIt() throws Exception {
        write(dir, TRAIN_IMAGES, images(4));
        DatasetStore store = new DatasetStore(dir);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, store::train);

        String message = e.getMessage();
        assertTrue(message.contains(dir.toAbsolutePath().toString()), message);
        assertTrue(message.contains(TRAIN_LABELS + ", " + TEST_IMAGES + ", " + TEST_LABELS + " missing"), message);
        assertFalse(message.contains(TRAIN_IMAGES + ","), message);
        assertTrue(message.contains("./digitloop fetch-data"), message);
    }

    @Test
    void theFingerprintIsTwelveHexDigitsAndTheSameForRawAndGzip(@TempDir Path other) throws Exception {
        writeSmallDataset(dir, false);
        writeSmallDataset(other, true);

        String raw = new DatasetStore(dir).fingerprint();

        assertTrue(raw.matches("[0-9a-f]{12}"), raw);
        assertEquals(raw, new DatasetStore(dir).fingerprint());
        assertEquals(raw, new DatasetStore(other).fingerprint());
    }

    @Test
    void theFingerprintComesFromTheMd5sOfTheUncompressedFiles() throws Exception {
        writeSmallDataset(dir, true);

        String expected = DatasetStore.fingerprintOf(List.of(md5(images(4)), md5(labels(5, 0, 4, 1)),
                md5(images(2)), md5(labels(7, 2))));

        assertEquals(expected, new DatasetStore(dir).fingerprint());
    }

    @Test
    void theFingerprintChangesWhenAFileChanges() throws Exception {
        writeSmallDataset(dir, false);
        DatasetStore store = new DatasetStore(dir);
        String before = store.fingerprint();

        Path labels = write(dir, TEST_LABELS, labels(7, 3));
        Files.setLastModifiedTime(labels, FileTime.fromMillis(Files.getLastModifiedTime(labels).toMillis() + 5_000));

        assertNotEquals(before, store.fingerprint());
    }

    @Test
    void theFingerprintOfAnIncompleteFolderIsRefused() throws Exception {
        write(dir, TRAIN_IMAGES, images(4));

        assertThrows(DataUnavailableException.class, () -> new DatasetStore(dir).fingerprint());
    }

    @Test
    void manualInstructionsNameTheAbsoluteFolderAndTheFourFiles() {
        String text = new DatasetStore(dir).manualInstructions();

        assertTrue(text.contains(dir.toAbsolutePath().toString()), text);
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            assertTrue(text.contains(name), text);
        }
    }

    @Test
    void theMirrorComesFromTheSystemProperty() {
        String before = System.getProperty(DatasetStore.MIRROR_PROPERTY);
        System.setProperty(DatasetStore.MIRROR_PROPERTY, "http://127.0.0.1:9/mnist");
        try {
            assertEquals("http://127.0.0.1:9/mnist", new DatasetStore(dir).mirror().orElseThrow());
        } finally {
            if (before == null) System.clearProperty(DatasetStore.MIRROR_PROPERTY);
            else System.setProperty(DatasetStore.MIRROR_PROPERTY, before);
        }
    }

    /** Four images and two test images with known labels, raw or gzip. */
    static void writeSmallDataset(Path folder, boolean gz) throws Exception {
        String suffix = gz ? ".gz" : "";
        write(folder, TRAIN_IMAGES + suffix, gz ? gzip(images(4)) : images(4));
        write(folder, TRAIN_LABELS + suffix, gz ? gzip(labels(5, 0, 4, 1)) : labels(5, 0, 4, 1));
        write(folder, TEST_IMAGES + suffix, gz ? gzip(images(2)) : images(2));
        write(folder, TEST_LABELS + suffix, gz ? gzip(labels(7, 2)) : labels(7, 2));
    }
}
