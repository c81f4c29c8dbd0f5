package digitloop.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the format MNIST ships in): unsigned-byte 28x28 images and 0-9 labels, raw or
 * gzip. Gzip is recognised by its magic bytes, not by the file name, because mirrors and browsers
 * unpack or rename files without asking. Each file is read in one bulk call and converted with a
 * lookup table, which keeps 60,000 images well under half a second.
 */
public final class IdxReader {
    /** IDX magic: two zero bytes, type 0x08 (unsigned byte), then the number of dimensions. */
    public static final int IMAGE_MAGIC = 0x00000803;
    public static final int LABEL_MAGIC = 0x00000801;
    /** The only image size DigitLoop's models and canvas understand. */
    public static final int SIDE = 28;

    private static final int IMAGE_HEADER = 16;
    private static final int LABEL_HEADER = 8;
    private static final int BUFFER = 1 << 16;
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) SCALE[i] = i / 255f;
    }

    private IdxReader() { }

    /** The [0, 1] value of pixel byte {@code b} (0-255); the Kaggle CSV reader shares it, so a CSV digit equals its IDX digit. */
    static float pixelValue(int b) {
        return SCALE[b];
    }

    /** Reads a matching pair of image and label files; sample ids run from {@code firstId}. */
    public static Digits read(Path images, Path labels, int firstId) throws IOException {
        float[] pixels = readImages(images);
        int[] labelValues = readLabels(labels);
        int imageCount = pixels.length / (SIDE * SIDE);
        if (imageCount != labelValues.length) {
            throw new IdxFormatException(images, "holds " + imageCount + " images but " + labels.toAbsolutePath()
                    + " holds " + labelValues.length + " labels",
                    "Use an image file and the label file that belongs to it");
        }
        return Digits.wrap(pixels, SIDE, labelValues, Digits.consecutiveIds(imageCount, firstId));
    }

    /** The images of an IDX image file, row-major, one after the other, scaled to [0, 1]. */
    public static float[] readImages(Path file) throws IOException {
        byte[] bytes = readUncompressed(file);
        checkMagic(file, bytes, IMAGE_MAGIC);
        checkHeaderLength(file, bytes, IMAGE_HEADER, "image");
        ByteBuffer header = ByteBuffer.wrap(bytes);
        long count = Integer.toUnsignedLong(header.getInt(4));
        long rows = Integer.toUnsignedLong(header.getInt(8));
        long cols = Integer.toUnsignedLong(header.getInt(12));
        if (rows != SIDE || cols != SIDE) {
            throw new IdxFormatException(file, "images are " + rows + "x" + cols + ", expected " + SIDE + "x" + SIDE,
                    "DigitLoop reads only 28x28 images; resize the dataset to 28x28 first");
        }
        checkBodyLength(file, bytes.length - IMAGE_HEADER, count * SIDE * SIDE, count + " images");
        float[] pixels = new float[(int) (count * SIDE * SIDE)];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = SCALE[bytes[IMAGE_HEADER + i] & 0xff];
        }
        return pixels;
    }

    /** The labels of an IDX label file, each checked to be a digit 0-9. */
    public static int[] readLabels(Path file) throws IOException {
        byte[] bytes = readUncompressed(file);
        checkMagic(file, bytes, LABEL_MAGIC);
        checkHeaderLength(file, bytes, LABEL_HEADER, "label");
        long count = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt(4));
        checkBodyLength(file, bytes.length - LABEL_HEADER, count, count + " labels");
        int[] labels = new int[(int) count];
        for (int i = 0; i < labels.length; i++) {
            int value = bytes[LABEL_HEADER + i] & 0xff;
            if (value > 9) {
                throw new IdxFormatException(file, "label at index " + i + " is " + value + ", expected a digit 0-9",
                        "This is not a digit label file; use labels 0-9");
            }
            labels[i] = value;
        }
        return labels;
    }

    /**
     * Opens {@code file} for reading, unpacking it when it starts with the gzip magic. A file named
     * {@code .gz} that is not gzip is refused: it is most likely a failed or half-done download.
     */
    static InputStream openUncompressed(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            int[] magic = peekTwoBytes(in);
            if (isGzipMagic(magic[0], magic[1])) return new GZIPInputStream(in, BUFFER);
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new IdxFormatException(file, "is named .gz but is not gzip data (it starts with "
                        + hexByte(magic[0]) + " " + hexByte(magic[1]) + ", gzip starts with 1f 8b)",
                        "Download it again, or drop the .gz from the name if it is a raw IDX file");
            }
            return in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** {@code in} unpacked when it starts with the gzip magic, else {@code in} as it is. */
    static InputStream uncompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        int[] magic = peekTwoBytes(buffered);
        return isGzipMagic(magic[0], magic[1]) ? new GZIPInputStream(buffered, BUFFER) : buffered;
    }

    private static int[] peekTwoBytes(BufferedInputStream in) throws IOException {
        in.mark(2);
        int[] magic = {in.read(), in.read()};
        in.reset();
        return magic;
    }

    /** True when the two first bytes of a stream are gzip's magic 1f 8b (-1 for a missing byte). */
    static boolean isGzipMagic(int b0, int b1) {
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static byte[] readUncompressed(Path file) throws IOException {
        try (InputStream in = openUncompressed(file)) {
            if (!(in instanceof GZIPInputStream)) {
                // Files.readAllBytes sizes the array from the file length: one allocation, one copy.
                return Files.readAllBytes(file);
            }
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, "the gzip data is damaged (" + e.getMessage() + ")",
                    "Download the file again", e);
        }
    }

    private static void checkMagic(Path file, byte[] bytes, int expected) throws IdxFormatException {
        if (bytes.length < 4) {
            throw new IdxFormatException(file, "truncated header: the file has " + bytes.length
                    + " bytes, too few for an IDX magic number", "Download the file again");
        }
        int found = ByteBuffer.wrap(bytes).getInt(0);
        if (found == expected) return;
        String hint = found == LABEL_MAGIC ? " (that is an IDX label file)"
                : found == IMAGE_MAGIC ? " (that is an IDX image file)" : "";
        String kind = expected == IMAGE_MAGIC ? "image" : "label";
        throw new IdxFormatException(file, String.format("bad magic number 0x%08x%s, expected 0x%08x for an IDX %s file",
                found, hint, expected, kind), "Check that this is the " + kind + " file and that it is not damaged");
    }

    private static void checkHeaderLength(Path file, byte[] bytes, int headerLength, String kind)
            throws IdxFormatException {
        if (bytes.length < headerLength) {
            throw new IdxFormatException(file, "truncated header: the file has " + bytes.length + " bytes, an IDX "
                    + kind + " header needs " + headerLength, "Download the file again");
        }
    }

    private static void checkBodyLength(Path file, long actual, long expected, String what)
            throws IdxFormatException {
        if (actual < expected) {
            throw new IdxFormatException(file, "truncated body: the header promises " + what + " in " + expected
                    + " bytes but there are " + actual + " (" + (expected - actual) + " missing)",
                    "Download the file again");
        }
        if (actual > expected) {
            throw new IdxFormatException(file, "the header promises " + what + " in " + expected + " bytes but there are "
                    + actual + " (" + (actual - expected) + " too many)",
                    "The header or the data is damaged; download the file again");
        }
    }

    private static String hexByte(int b) {
        return b < 0 ? "(end of file)" : String.format("%02x", b);
    }
}
