package digitloop.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The one way a file is replaced: written to a temporary file in the same folder (a rename is only
 * atomic within one file system), synced, renamed over the target, and the folder synced so the
 * rename itself survives a crash. A reader sees the old file or the new one, never half of one. The
 * temporary file gets the permissions the umask gives any new file (not {@code Files.createTempFile}'s
 * owner-only ones), and its name — a leading dot, {@code .part} at the end — is never mistaken for the
 * real file.
 */
public final class AtomicWrite {
    /** Suffix of temporary files, so a killed write's leftover can be recognised and cleaned. */
    public static final String TEMP_SUFFIX = ".part";
    private static final int BUFFER = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The body of a file written by {@link #write(Path, Body)}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file at a path, for libraries that want a path rather than a stream. */
    @FunctionalInterface
    public interface PathBody {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicWrite() {
    }

    /** Replaces {@code target} with what {@code body} writes; if it throws, the target is left as it was. */
    public static void write(Path target, Body body) throws IOException {
        writeAt(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.writeTo(out);
                out.flush();
            }
        });
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with the file {@code body} writes at the temporary path it is given (an
     * empty file exists there already); if it throws, the target is left as it was.
     */
    public static void writeAt(Path target, PathBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        boolean moved = false;
        try {
            body.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
        syncFolder(folder);
    }

    /**
     * Deletes temporary files a killed writer of {@code target} left behind. Only call this while no
     * other writer of the same target can be running.
     */
    public static void deleteLeftovers(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) return;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "." + globEscape(target.getFileName().toString()) + ".*" + TEMP_SUFFIX)) {
            for (Path part : parts) Files.deleteIfExists(part);
        }
    }

    /** Makes a rename or a new file's entry durable on Linux; other systems cannot open a folder, which is fine. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the data is synced already, and the rename survives on journaled file systems.
        }
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

    private static String globEscape(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
