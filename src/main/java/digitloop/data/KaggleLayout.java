package digitloop.data;

/**
 * The two CSV layouts of Kaggle's Digit Recognizer: {@code train.csv} (a label, then 784 pixels) and
 * {@code test.csv} (784 pixels only). Pixels are 0-255, row-major 28x28, ink bright on black like
 * MNIST's IDX files.
 */
public enum KaggleLayout {
    TRAIN("train.csv", true),
    TEST("test.csv", false);

    public static final int PIXELS = IdxReader.SIDE * IdxReader.SIDE;

    private final String fileName;
    private final boolean labelled;

    KaggleLayout(String fileName, boolean labelled) {
        this.fileName = fileName;
        this.labelled = labelled;
    }

    /** The name Kaggle gives the file, for messages. */
    public String fileName() { return fileName; }

    public boolean labelled() { return labelled; }

    /** Values per row: 785 for train.csv, 784 for test.csv. */
    public int columns() { return PIXELS + (labelled ? 1 : 0); }

    /** The name of 1-based column {@code column}: {@code label}, {@code pixel0}, … */
    public String columnName(int column) {
        int pixel = column - 1 - (labelled ? 1 : 0);
        return pixel < 0 ? "label" : "pixel" + pixel;
    }

    /** The header line, without a line end. */
    public String header() {
        StringBuilder s = new StringBuilder(columns() * 9);
        for (int c = 1; c <= columns(); c++) {
            if (c > 1) s.append(',');
            s.append(columnName(c));
        }
        return s.toString();
    }

    /** The header as a person can read it in a message. */
    public String shortHeader() {
        return (labelled ? "label," : "") + "pixel0,…,pixel" + (PIXELS - 1);
    }

    /** The other layout: the file a person most likely mixed this one up with. */
    KaggleLayout other() {
        return this == TRAIN ? TEST : TRAIN;
    }
}
