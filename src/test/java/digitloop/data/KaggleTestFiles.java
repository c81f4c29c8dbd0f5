package digitloop.data;

import digitloop.TestData;
import digitloop.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Kaggle-format CSVs made from real MNIST, the sizes Kaggle ships: a 42,000-row train.csv of MNIST's first
 * 42,000 training digits, and a 28,000-row test.csv of MNIST's 10,000 test digits over and over (row r is
 * test digit r mod 10,000), since MNIST has no 28,000 unseen digits.
 */
public final class KaggleTestFiles {
    public static final int TRAIN_ROWS = 42_000;
    public static final int TEST_ROWS = 28_000;

    private KaggleTestFiles() {
    }

    /** The digits of {@link #trainCsv}. */
    public static Digits trainDigits() {
        return TestData.train().head(TRAIN_ROWS);
    }

    /** The digits of {@link #testCsv}, with the labels the CSV leaves out. */
    public static Digits testDigits() {
        Digits test = TestData.test();
        int[] rows = new int[TEST_ROWS];
        for (int r = 0; r < rows.length; r++) rows[r] = r % test.size();
        return test.subset(rows);
    }

    public static Path trainCsv(Path dir) throws IOException {
        Path file = dir.resolve("train.csv");
        KaggleCsvWriter.write(file, trainDigits(), KaggleLayout.TRAIN, CancellationToken.none());
        return file;
    }

    public static Path testCsv(Path dir) throws IOException {
        Path file = dir.resolve("test.csv");
        KaggleCsvWriter.write(file, testDigits(), KaggleLayout.TEST, CancellationToken.none());
        return file;
    }
}
