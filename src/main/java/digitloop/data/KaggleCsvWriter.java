package digitloop.data;

import digitloop.files.AtomicWrite;
import digitloop.task.CancellationToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes Kaggle Digit Recognizer files: a submission ({@code ImageId,Label}, ids from 1, one row per
 * test image) and the competition's own train.csv / test.csv layouts, which tests and round trips use.
 * Every file goes through {@link AtomicWrite}: a cancel or a crash leaves the old file or none, never half
 * of one.
 */
public final class KaggleCsvWriter {
    public static final String SUBMISSION_HEADER = "ImageId,Label";
    private static final int CHECK_EVERY = 1000;

    private KaggleCsvWriter() {
    }

    /**
     * Writes a submission: row {@code i} answers ImageId {@code i + 1} with {@code labels[i]}. Kaggle has no
     * "not sure", so every label must be a digit 0-9.
     */
    public static void writeSubmission(Path target, int[] labels, CancellationToken cancel) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("ImageId " + (i + 1) + " has label " + labels[i] + ", not a digit 0-9");
            }
        }
        AtomicWrite.write(target, out -> {
            out.write((SUBMISSION_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[16];
            for (int i = 0; i < labels.length; i++) {
                if (i % CHECK_EVERY == 0) cancel.throwIfCancelled();
                int n = putNumber(row, 0, i + 1);
                row[n++] = ',';
                row[n++] = (byte) ('0' + labels[i]);
                row[n++] = '\n';
                out.write(row, 0, n);
            }
        });
    }

    /**
     * Writes {@code digits} (28x28) in {@code layout}: pixels become 0-255 as {@link IdxWriter} rounds them;
     * train.csv needs every label to be a digit.
     */
    public static void write(Path target, Digits digits, KaggleLayout layout, CancellationToken cancel) throws IOException {
        if (digits.side() != IdxReader.SIDE) {
            throw new IllegalArgumentException("Kaggle's CSVs hold 28x28 images, these are " + digits.side() + "x" + digits.side());
        }
        if (layout.labelled()) {
            for (int i = 0; i < digits.size(); i++) {
                if (digits.label(i) < 0 || digits.label(i) > 9) {
                    throw new IllegalArgumentException("sample " + digits.id(i) + " has no digit label (" + digits.label(i)
                            + "); a train.csv needs one for every row");
                }
            }
        }
        float[] pixels = digits.pixelsView();
        AtomicWrite.write(target, out -> {
            out.write((layout.header() + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[layout.columns() * 4 + 1];
            for (int i = 0; i < digits.size(); i++) {
                if (i % CHECK_EVERY == 0) cancel.throwIfCancelled();
                writeRow(out, row, layout.labelled() ? digits.label(i) : -1, pixels, i * KaggleLayout.PIXELS);
            }
        });
    }

    private static void writeRow(OutputStream out, byte[] row, int label, float[] pixels, int offset) throws IOException {
        int n = 0;
        if (label >= 0) {
            row[n++] = (byte) ('0' + label);
            row[n++] = ',';
        }
        for (int p = 0; p < KaggleLayout.PIXELS; p++) {
            if (p > 0) row[n++] = ',';
            n = putNumber(row, n, IdxWriter.toByte(pixels[offset + p]) & 0xff);
        }
        row[n++] = '\n';
        out.write(row, 0, n);
    }

    /** Writes the decimal digits of {@code value} (not negative) at {@code at}; returns the end. */
    private static int putNumber(byte[] buffer, int at, int value) {
        if (value == 0) {
            buffer[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (int v = value; v > 0; v /= 10) digits++;
        for (int i = at + digits - 1; i >= at; i--, value /= 10) buffer[i] = (byte) ('0' + value % 10);
        return at + digits;
    }
}
