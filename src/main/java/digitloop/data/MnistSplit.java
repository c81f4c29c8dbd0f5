package digitloop.data;

import java.util.List;

/**
 * The two halves of MNIST as the IDX files name them. Test ids start after the train ids so a
 * sample id names one image across the whole dataset (the noise of a sample is keyed on its id).
 * Checksums are those of the original files (docs/architecture.md, "Data").
 */
public enum MnistSplit {
    TRAIN(new DatasetFile("train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb"),
            new DatasetFile("train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624"), 0, 60_000),
    TEST(new DatasetFile("t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea"),
            new DatasetFile("t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637"), 60_000, 10_000);

    private final DatasetFile images;
    private final DatasetFile labels;
    private final int firstId;
    private final int count;

    MnistSplit(DatasetFile images, DatasetFile labels, int firstId, int count) {
        this.images = images;
        this.labels = labels;
        this.firstId = firstId;
        this.count = count;
    }

    public DatasetFile images() { return images; }

    public DatasetFile labels() { return labels; }

    /** Id of the first sample of this split in MNIST. */
    public int firstId() { return firstId; }

    /** Number of samples in the original MNIST files. */
    public int count() { return count; }

    /** The four MNIST files with their checksums, train first. */
    public static List<DatasetFile> files() {
        return List.of(TRAIN.images, TRAIN.labels, TEST.images, TEST.labels);
    }
}
