package digitloop.data;

import digitloop.files.AtomicWrite;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link Digits} as IDX image and label files, raw or gzip, the way {@link IdxReader} reads
 * them. Every file is replaced through {@link AtomicWrite}, so a crash or a cancel never leaves a
 * half-written file under the real name.
 */
public final class IdxWriter {
    private static final int BUFFER = 1 << 16;

    private IdxWriter() { }

    /** Writes images and labels of {@code digits}; each file is gzip when its name ends in {@code .gz}. */
    public static void write(Path images, Path labels, Digits digits) throws IOException {
        writeImages(images, digits);
        writeLabels(labels, digits);
    }

    /** Writes the images, gzip when the name ends in {@code .gz}. */
    public static void writeImages(Path file, Digits digits) throws IOException {
        writeImages(file, digits, isGzName(file));
    }

    /** Writes the images; pixels in [0, 1] become bytes 0-255, rounded, values outside clamped. */
    public static void writeImages(Path file, Digits digits, boolean gzip) throws IOException {
        float[] pixels = digits.pixelsView();
        AtomicWrite.write(file, out -> {
            OutputStream target = gzip ? new GZIPOutputStream(out, BUFFER) : out;
            DataOutputStream data = new DataOutputStream(target);
            data.writeInt(IdxReader.IMAGE_MAGIC);
            data.writeInt(digits.size());
            data.writeInt(digits.side());
            data.writeInt(digits.side());
            byte[] chunk = new byte[BUFFER];
            for (int start = 0; start < pixels.length; start += chunk.length) {
                int n = Math.min(chunk.length, pixels.length - start);
                for (int i = 0; i < n; i++) chunk[i] = toByte(pixels[start + i]);
                data.write(chunk, 0, n);
            }
            finish(data, target);
        });
    }

    /** Writes the labels, gzip when the name ends in {@code .gz}. */
    public static void writeLabels(Path file, Digits digits) throws IOException {
        writeLabels(file, digits, isGzName(file));
    }

    /** Writes the labels; every label must be a digit 0-9 (an unlabeled sample cannot be stored in IDX). */
    public static void writeLabels(Path file, Digits digits, boolean gzip) throws IOException {
        int[] labels = digits.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("label at index " + i + " is " + labels[i]
                        + "; IDX label files hold digits 0-9 only");
            }
        }
        AtomicWrite.write(file, out -> {
            OutputStream target = gzip ? new GZIPOutputStream(out, BUFFER) : out;
            DataOutputStream data = new DataOutputStream(target);
            data.writeInt(IdxReader.LABEL_MAGIC);
            data.writeInt(labels.length);
            byte[] bytes = new byte[labels.length];
            for (int i = 0; i < labels.length; i++) bytes[i] = (byte) labels[i];
            data.write(bytes);
            finish(data, target);
        });
    }

    static boolean isGzName(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static void finish(DataOutputStream data, OutputStream target) throws IOException {
        data.flush();
        if (target instanceof GZIPOutputStream gz) gz.finish();
    }

    /** A pixel in [0, 1] as the byte 0-255 it was read from, rounded, values outside clamped; the Kaggle CSV writer shares it. */
    static byte toByte(float value) {
        int b = Math.round(value * 255f);
        return (byte) (b < 0 ? 0 : (b > 255 ? 255 : b));
    }
}
