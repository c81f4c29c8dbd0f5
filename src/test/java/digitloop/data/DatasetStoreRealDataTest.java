package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the real MNIST files when they have been fetched into datasets/mnist; skipped otherwise. */
class DatasetStoreRealDataTest {
    @Test
    void realMnistHas60000TrainAnd10000TestImagesAndTheKnownFingerprint() throws Exception {
        DatasetStore store = new DatasetStore();
        assumeTrue(store.isComplete(), "MNIST is not in " + store.folder() + " (./digitloop fetch-data)");

        Digits train = store.train();
        Digits test = store.test();

        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(5, train.label(0), "the first training digit of MNIST is a 5");
        assertEquals(7, test.label(0), "the first test digit of MNIST is a 7");
        assertEquals(0, train.id(0));
        assertEquals(59_999, train.id(59_999));
        assertEquals(60_000, test.id(0));
        assertEquals(69_999, test.id(9_999));
        List<String> published = MnistSplit.files().stream().map(DatasetFile::md5).toList();
        assertEquals(DatasetStore.fingerprintOf(published), store.fingerprint(), "the files match the checksums in docs/architecture.md");
    }
}
