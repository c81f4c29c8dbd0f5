package digitloop.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Write-to-temp, fsync, then rename: a reader sees the old file or the new one, never half of one. */
public final class AtomicFiles {
    /** Suffix of temporary files, so a crashed write's leftover can be recognised and cleaned. */
    public static final String TEMP_SUFFIX = ".partial";

    private AtomicFiles() {
    }

    /** A temporary file beside {@code target}, on the same file system so the final move is atomic. */
    public static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            // createTempFile makes owner-only files; a model or report is meant to be shared like any other file.
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default ACL is fine.
        }
        return temp;
    }

    /**
     * Deletes temporary files a killed writer of {@code target} left behind. Only call this while
     * no other writer of the same target can be running (one app instance holds the models).
     */
    public static void deleteLeftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) return;
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) Files.deleteIfExists(p);
            }
        }
    }

    /** Forces {@code temp} to disk and moves it over {@code target}. */
    public static void commit(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = tempBeside(target);
        try {
            Files.write(temp, bytes);
            commit(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
