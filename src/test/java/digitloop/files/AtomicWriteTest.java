package digitloop.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "old content");

        IOException e = assertThrows(IOException.class, () -> AtomicWrite.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full, say");
        }));

        assertEquals("disk full, say", e.getMessage());
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), listFolder());
    }

    @Test
    void aWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.json"), "old");

        AtomicWrite.write(target, new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), listFolder());
    }

    @Test
    void aLibraryThatWritesAtAPathGetsAnEmptyFileBesideTheTarget() throws Exception {
        Path target = dir.resolve("sub/chart.png");

        AtomicWrite.writeAt(target, temp -> {
            assertEquals(target.getParent(), temp.getParent());
            assertEquals(0, Files.size(temp));
            Files.writeString(temp, "png");
        });

        assertEquals("png", Files.readString(target));
    }

    @Test
    void aWrittenFileGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");

        AtomicWrite.write(written, new byte[] {7});

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void leftoversOfAKilledWriteAreDeletedAndOtherFilesKept() throws Exception {
        Path target = dir.resolve("cnn.zip");
        Files.write(dir.resolve(".cnn.zip.3k2j1.part"), new byte[10]);
        Path other = Files.write(dir.resolve(".mlp.zip.3k2j1.part"), new byte[10]);

        AtomicWrite.deleteLeftovers(target);

        assertEquals(List.of(other), listFolder());
    }

    private List<Path> listFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
