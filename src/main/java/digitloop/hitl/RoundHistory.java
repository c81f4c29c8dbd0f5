package digitloop.hitl;

import digitloop.files.AtomicWrite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The Review tab's rounds, kept beside the label journal so the chart of rounds survives a restart:
 * one fsynced line per change of a round (shown, baseline measured, decided); the last line of a
 * round wins. A torn last line (a kill mid-write) is skipped.
 */
public final class RoundHistory {
    static final String COLUMNS = "round\tmodel\tlabels\tcorrections\tgate_before\tgate_after\ttest_before\ttest_after\trandom_test\tdecision";

    /** What happened to a round's candidate. */
    public enum Decision { PENDING, USED, KEPT_CURRENT }

    /** @param randomTest test accuracy of the random-label baseline, NaN until it is measured */
    public record Row(int round, String model, int labels, int corrections, double gateBefore, double gateAfter, double testBefore,
                      double testAfter, double randomTest, Decision decision) {
        String toLine() {
            return String.format(Locale.ROOT, "%d\t%s\t%d\t%d\t%.6f\t%.6f\t%.6f\t%.6f\t%s\t%s%n", round, model.replace('\t', ' '), labels,
                    corrections, gateBefore, gateAfter, testBefore, testAfter,
                    Double.isNaN(randomTest) ? "-" : String.format(Locale.ROOT, "%.6f", randomTest), decision.name());
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 10) throw new IllegalArgumentException("expected 10 fields, got " + f.length);
            return new Row(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    f[8].equals("-") ? Double.NaN : Double.parseDouble(f[8]), Decision.valueOf(f[9]));
        }

        public Row withRandomTest(double accuracy) {
            return new Row(round, model, labels, corrections, gateBefore, gateAfter, testBefore, testAfter, accuracy, decision);
        }

        public Row withDecision(Decision d) {
            return new Row(round, model, labels, corrections, gateBefore, gateAfter, testBefore, testAfter, randomTest, d);
        }
    }

    private final Path file;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();

    private RoundHistory(Path file) {
        this.file = file;
    }

    /** Reads the history, creating the file (with its column line) when it is not there. */
    public static RoundHistory open(Path file) throws IOException {
        RoundHistory h = new RoundHistory(file);
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            h.append(COLUMNS + "\n");
            AtomicWrite.syncFolder(file.toAbsolutePath().getParent());
            return h;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                Row r = Row.parse(lines.get(i));
                h.rows.put(r.round(), r);
            } catch (RuntimeException torn) {
                // A line cut short by a kill: what it would have said is lost, the rest stands.
            }
        }
        return h;
    }

    public synchronized void record(Row row) throws IOException {
        append(row.toLine());
        rows.put(row.round(), row);
    }

    /** The last state of every round, in order. */
    public synchronized List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    public synchronized int lastRound() {
        return rows.isEmpty() ? 0 : rows.lastKey();
    }

    private void append(String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) ch.write(bytes);
            ch.force(true);
        }
    }
}
