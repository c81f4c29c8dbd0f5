package digitloop.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builders for the IDX files, tarballs and digit sets the data tests read and write. */
final class IdxTestFiles {
    private IdxTestFiles() { }

    /** An IDX image file with the given header fields and body. */
    static byte[] imageFile(int magic, int count, int rows, int cols, byte[] body) {
        return ByteBuffer.allocate(16 + body.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(cols).put(body).array();
    }

    /** A valid 28x28 image file of {@code count} images; pixel p of image i is (i * 7 + p) % 256. */
    static byte[] images(int count) {
        byte[] body = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 784; p++) body[i * 784 + p] = (byte) ((i * 7 + p) % 256);
        }
        return imageFile(IdxReader.IMAGE_MAGIC, count, 28, 28, body);
    }

    /** A label file with the given header count and values. */
    static byte[] labelFile(int count, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + values.length).putInt(IdxReader.LABEL_MAGIC).putInt(count);
        for (int v : values) buffer.put((byte) v);
        return buffer.array();
    }

    static byte[] labels(int... values) {
        return labelFile(values.length, values);
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path folder, String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A random set whose pixels are exact multiples of 1/255, so an IDX round trip is lossless. */
    static Digits randomDigits(int count, int firstId, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = random.nextInt(256) / 255f;
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = random.nextInt(10);
        return Digits.of(pixels, 28, labels, Digits.consecutiveIds(count, firstId));
    }

    /** Builds a .tgz the way tar tools do: one 512-byte header per entry, data padded to 512. */
    static final class TarBuilder {
        private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

        /** A regular file; paths over 100 characters are split into the ustar prefix field. */
        TarBuilder file(String path, byte[] data) {
            String prefix = "";
            String name = path;
            if (path.length() > 100) {
                int slash = path.lastIndexOf('/', 154);
                prefix = path.substring(0, slash);
                name = path.substring(slash + 1);
            }
            return entry(name, prefix, '0', data);
        }

        /** A folder entry, which the reader must skip. */
        TarBuilder folder(String path) {
            return entry(path.endsWith("/") ? path : path + "/", "", '5', new byte[0]);
        }

        /** A regular file whose real path is given by a pax extended header, with a dummy ustar name. */
        TarBuilder paxFile(String path, byte[] data) {
            String record = " path=" + path + "\n";
            int length = record.length();
            length += String.valueOf(length + String.valueOf(length).length()).length();
            byte[] pax = (length + record).getBytes(StandardCharsets.UTF_8);
            entry("PaxHeader/x", "", 'x', pax);
            return entry("short-name", "", '0', data);
        }

        TarBuilder entry(String name, String prefix, char type, byte[] data) {
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0001750");
            put(header, 116, "0001750");
            put(header, 124, String.format("%011o", data.length));
            put(header, 136, String.format("%011o", 1_400_000_000L));
            header[156] = (byte) type;
            put(header, 257, "ustar");
            put(header, 263, "00");
            put(header, 345, prefix);
            Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) sum += b & 0xff;
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            tar.writeBytes(header);
            tar.writeBytes(data);
            tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        /** The archive with its two zero end blocks. */
        byte[] tar() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(tar.toByteArray());
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        byte[] tgz() {
            return gzip(tar());
        }

        private static void put(byte[] header, int offset, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, header, offset, bytes.length);
        }
    }
}
