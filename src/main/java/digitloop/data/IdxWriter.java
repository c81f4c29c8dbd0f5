package digitloop.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link Digits} as IDX image and label files, raw or gzip, the way {@link IdxReader} reads
 * them. Every file is written to a temporary file in the same folder, synced, and then renamed over
 * the target, so a crash or a cancel never leaves a half-written file under the real name.
 */
public final class IdxWriter {
    private static final int BUFFER = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The body of a file written by {@link #writeAtomically}. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

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
        writeAtomically(file, out -> {
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
        writeAtomically(file, out -> {
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

    /**
     * Writes {@code target} through a temporary file in the same folder (a rename is only atomic
     * within one file system), syncs it to disk, then moves it over the target. If {@code body}
     * throws, the temporary file is deleted and the target is left as it was.
     */
    static void writeAtomically(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // A leading dot and a .part suffix: never mistaken for the real file by a store or a person.
        // Not Files.createTempFile: it makes owner-only files, and a dataset or model should get the
        // permissions the umask gives any other new file.
        Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean moved = false;
        try {
            try (channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
        syncFolder(folder);
    }

    static boolean isGzName(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FUSE file systems refuse ATOMIC_MOVE even within a folder; a plain
            // rename there is the best that can be had, and the temp file is already whole and synced.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable on Linux; other systems cannot open a folder, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the data is synced already, and the rename survives on journaled file systems.
        }
    }

    private static void finish(DataOutputStream data, OutputStream target) throws IOException {
        data.flush();
        if (target instanceof GZIPOutputStream gz) gz.finish();
    }

    private static byte toByte(float value) {
        int b = Math.round(value * 255f);
        return (byte) (b < 0 ? 0 : (b > 255 ? 255 : b));
    }
}
