package digitloop.data;

import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a Kaggle Digit Recognizer CSV ({@link KaggleLayout}) into {@link Digits}, one line at a time:
 * the file is never held as one string, only its pixels as bytes, then as [0, 1] floats scaled exactly
 * as {@link IdxReader} scales them, so a CSV digit equals the IDX digit it came from. Sample ids are the
 * row numbers from 0 (a submission's ImageId minus one); test.csv rows are {@link Digits#UNLABELED}.
 * The first thing wrong stops the read with a {@link KaggleCsvFormatException} naming its line and column.
 */
public final class KaggleCsvReader {
    private static final int CHECK_EVERY = 1000;
    private static final int MAX_SHOWN = 20;
    /** The UTF-8 byte-order mark as ISO-8859-1 reads it: some editors put it in front of the header. */
    private static final String BOM = "\u00ef\u00bb\u00bf";

    private final Path file;
    private final KaggleLayout layout;

    private KaggleCsvReader(Path file, KaggleLayout layout) {
        this.file = file;
        this.layout = layout;
    }

    /** Reads {@code file} as {@code layout}; progress is the share of the file's bytes read. */
    public static Digits read(Path file, KaggleLayout layout, ProgressSink progress, CancellationToken cancel)
            throws IOException {
        return new KaggleCsvReader(file, layout).read(progress, cancel);
    }

    private Digits read(ProgressSink progress, CancellationToken cancel) throws IOException {
        long size = Files.size(file);
        // Every row takes at least two bytes a value (a digit and a comma or line end): an upper bound on
        // the rows that lets the pixels go straight into one array, without growing it.
        long maxRows = size / (2L * layout.columns()) + 1;
        if (maxRows * KaggleLayout.PIXELS > Integer.MAX_VALUE - 8) {
            throw new KaggleCsvFormatException(file, 0, 0, "the file is " + size + " bytes, too big for one data set",
                    "Split it into files of at most 1 GB");
        }
        byte[] pixels = new byte[(int) (maxRows * KaggleLayout.PIXELS)];
        int[] labels = new int[(int) maxRows];
        int rows = 0;
        String what = "reading " + file.getFileName();
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
             BufferedReader in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.ISO_8859_1), 1 << 16)) {
            // ISO-8859-1 maps every byte to a character, so a binary file reaches the header check instead
            // of failing in the decoder with a message nobody can act on.
            checkHeader(in.readLine());
            long lineNumber = 1;
            long firstBlank = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isEmpty()) {
                    if (firstBlank == 0) firstBlank = lineNumber;
                    continue;
                }
                if (firstBlank != 0) {
                    throw new KaggleCsvFormatException(file, firstBlank, 0, "the line is empty",
                            "Remove the empty lines between the rows");
                }
                if (rows == labels.length) {
                    throw new KaggleCsvFormatException(file, lineNumber, 0, "more rows than a file of this size can hold",
                            "The file changed while it was read; read it again");
                }
                labels[rows] = parseRow(line, lineNumber, pixels, rows * KaggleLayout.PIXELS);
                rows++;
                if (rows % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    progress.progress(size == 0 ? -1 : (double) counted.count() / size, what);
                }
            }
            if (rows == 0) {
                throw new KaggleCsvFormatException(file, lineNumber + 1, 0, "there are no rows after the header",
                        "The file holds only its header; give the whole " + layout.fileName());
            }
        }
        progress.progress(1, what);
        float[] values = new float[rows * KaggleLayout.PIXELS];
        for (int i = 0; i < values.length; i++) values[i] = IdxReader.pixelValue(pixels[i] & 0xff);
        int[] rowLabels = layout.labelled() ? Arrays.copyOf(labels, rows) : unlabelled(rows);
        return Digits.wrap(values, IdxReader.SIDE, rowLabels, Digits.consecutiveIds(rows, 0));
    }

    private void checkHeader(String header) throws KaggleCsvFormatException {
        if (header != null && header.startsWith(BOM)) header = header.substring(BOM.length());
        if (header == null || header.isEmpty()) {
            throw new KaggleCsvFormatException(file, 1, 0, "the file is empty, expected the header " + layout.shortHeader(),
                    "Give the competition's " + layout.fileName() + "; the download may have failed");
        }
        if (header.startsWith("PK")) {
            throw new KaggleCsvFormatException(file, 1, 0, "this is a zip archive, not a CSV",
                    "Unzip it first and give the " + layout.fileName() + " inside");
        }
        if (header.length() > 1 && header.charAt(0) == 0x1f && header.charAt(1) == 0x8b) {
            throw new KaggleCsvFormatException(file, 1, 0, "this is gzip data, not a CSV",
                    "Unpack it first (gunzip) and give the " + layout.fileName());
        }
        String[] names = header.split(",", -1);
        KaggleLayout other = layout.other();
        if (names[0].equals(other.columnName(1))) {
            throw new KaggleCsvFormatException(file, 1, 1, "this is a Kaggle " + other.fileName() + " (its header starts with "
                    + other.shortHeader() + "), but a " + layout.fileName() + " is expected here"
                    + (layout.labelled() ? " (with a label column)" : " (pixels only)"),
                    "Give the " + layout.fileName() + " (header " + layout.shortHeader() + ")");
        }
        for (int c = 1; c <= Math.min(names.length, layout.columns()); c++) {
            if (!names[c - 1].equals(layout.columnName(c))) {
                throw new KaggleCsvFormatException(file, 1, c, "the header says " + shown(names[c - 1]) + " where "
                        + layout.columnName(c) + " belongs", "A " + layout.fileName() + " header is " + layout.shortHeader()
                        + "; check that this is the competition's " + layout.fileName());
            }
        }
        if (names.length != layout.columns()) {
            throw new KaggleCsvFormatException(file, 1, Math.min(names.length, layout.columns()) + 1,
                    "the header has " + names.length + " columns, a " + layout.fileName() + " header has " + layout.columns(),
                    "A " + layout.fileName() + " header is " + layout.shortHeader());
        }
    }

    /** Parses one row's values into {@code pixels} at {@code offset}; returns its label (or UNLABELED). */
    private int parseRow(String line, long lineNumber, byte[] pixels, int offset) throws KaggleCsvFormatException {
        int columns = layout.columns();
        int first = layout.labelled() ? 1 : 0;
        int label = Digits.UNLABELED;
        int column = 0;
        int start = 0;
        int length = line.length();
        for (int i = 0; i <= length; i++) {
            if (i < length && line.charAt(i) != ',') continue;
            column++;
            if (column > columns) {
                int values = columns + 1 + (int) line.chars().skip(i + 1).filter(ch -> ch == ',').count();
                throw new KaggleCsvFormatException(file, lineNumber, column, "the row has " + values + " values, a "
                        + layout.fileName() + " row has " + columns + " (" + layout.shortHeader() + ")",
                        "Check that the row is not two rows run together and that the file is a " + layout.fileName());
            }
            boolean isLabel = column <= first;
            int value = parseValue(line, start, i, isLabel ? 9 : 255);
            if (value < 0) throw badValue(line.substring(start, i), lineNumber, column, isLabel);
            if (isLabel) {
                label = value;
            } else {
                pixels[offset + column - 1 - first] = (byte) value;
            }
            start = i + 1;
        }
        if (column < columns) {
            throw new KaggleCsvFormatException(file, lineNumber, column + 1, "the row ends after " + column + " values, a "
                    + layout.fileName() + " row has " + columns + " (" + layout.shortHeader() + ")",
                    "The row is cut short; the file may be incomplete or damaged");
        }
        return label;
    }

    /** The whole number 0-{@code max} in {@code line[start, end)}, or -1 when it is not one. */
    private static int parseValue(String line, int start, int end, int max) {
        if (end == start) return -1;
        int value = 0;
        for (int i = start; i < end; i++) {
            char ch = line.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            // Capped, so a long run of digits cannot overflow; leading zeros are harmless.
            value = Math.min(value * 10 + (ch - '0'), 1000);
        }
        return value <= max ? value : -1;
    }

    private KaggleCsvFormatException badValue(String text, long lineNumber, int column, boolean isLabel) {
        String name = layout.columnName(column);
        String problem;
        if (text.isEmpty()) {
            problem = name + " is empty";
        } else if (text.chars().allMatch(Character::isDigit)) {
            problem = name + " is " + shown(text) + (isLabel ? ", not a digit 0-9" : ", above 255");
        } else {
            problem = name + " is " + shown(text) + ", not a whole number";
        }
        String remedy = isLabel ? "Labels are the digits 0-9; fix or remove that row"
                : "Pixels are whole numbers 0-255 (ink bright on black); fix or remove that row";
        return new KaggleCsvFormatException(file, lineNumber, column, problem, remedy);
    }

    private static String shown(String value) {
        String cut = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static int[] unlabelled(int rows) {
        int[] labels = new int[rows];
        Arrays.fill(labels, Digits.UNLABELED);
        return labels;
    }

    /** Counts the bytes read, for progress by share of the file. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() { return count; }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count += n;
            return n;
        }
    }
}
