package digitloop.hitl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One (strategy, seed) run of the al-curve as a CSV that grows by one fsynced row per round. The
 * first line names the protocol; rows hold the labels, the test accuracy and the pool ids acquired
 * next, so a resumed run can replay the acquisitions instead of redoing the rounds. A torn last row
 * (the run was killed mid-write) is dropped.
 */
public final class AlCurveLog {
    private static final Logger log = LoggerFactory.getLogger(AlCurveLog.class);
    static final String COLUMNS = "labels,test_accuracy,seconds,acquired_next";

    /** One finished round: trained on {@code labels} labels, then asked about {@code acquiredNext}. */
    public record Round(int labels, double testAccuracy, double seconds, int[] acquiredNext) {
        String toCsv() {
            StringBuilder ids = new StringBuilder();
            for (int id : acquiredNext) ids.append(ids.length() == 0 ? "" : " ").append(id);
            return String.format(Locale.ROOT, "%d,%.4f,%.1f,%s%n", labels, testAccuracy, seconds, ids);
        }

        static Round parse(String line) {
            String[] f = line.split(",", -1);
            int[] ids = f[3].isBlank() ? new int[0] : Arrays.stream(f[3].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            return new Round(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), ids);
        }
    }

    private final Path file;

    private AlCurveLog(Path file) {
        this.file = file;
    }

    /**
     * Opens the log, creating it with {@code header} when absent. An existing log with another
     * header was made under other settings and is refused rather than mixed in.
     */
    public static AlCurveLog open(Path file, String header) throws IOException {
        if (header.contains("\n")) throw new IllegalArgumentException("the header is one line");
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) || Files.size(file) == 0) {
            AlCurveLog fresh = new AlCurveLog(file);
            fresh.append("# " + header + "\n" + COLUMNS + "\n");
            return fresh;
        }
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        if (!first.equals("# " + header)) {
            throw new IOException(file + " was written under other settings:\n  it has:  " + first + "\n  this run: # " + header
                    + "\nMove it away (or use another --out) to start this run afresh.");
        }
        return new AlCurveLog(file);
    }

    public Path file() { return file; }

    /** The finished rounds, in order; a torn last row is cut off the file. */
    public List<Round> rounds() throws IOException {
        return read(file, true);
    }

    /** The rounds of a log file without opening it for writing (the report reads logs of runs still going). */
    public static List<Round> read(Path file) throws IOException {
        return read(file, false);
    }

    private static List<Round> read(Path file, boolean repair) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int whole = bytes.length;
        while (whole > 0 && bytes[whole - 1] != '\n') whole--;
        if (whole < bytes.length && repair) {
            log.warn("{}: dropped a torn last row ({} bytes)", file, bytes.length - whole);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(whole);
                channel.force(false);
            }
        }
        List<Round> rounds = new ArrayList<>();
        for (String line : new String(bytes, 0, whole, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("labels,")) continue;
            try {
                rounds.add(Round.parse(line));
            } catch (RuntimeException damaged) {
                throw new IOException(file + ": cannot read the row \"" + line + "\" (" + damaged.getMessage() + ")", damaged);
            }
        }
        return rounds;
    }

    public void append(Round round) throws IOException {
        append(round.toCsv());
    }

    private void append(String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(false);
        }
    }
}
