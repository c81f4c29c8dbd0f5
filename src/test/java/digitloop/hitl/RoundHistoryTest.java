package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Review tab's rounds survive a restart; the last state of a round wins; a torn line costs only itself. */
class RoundHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aRoundShownThenMeasuredThenDecidedReadsBackAsItsLastState() throws Exception {
        Path file = dir.resolve("rounds.tsv");
        RoundHistory h = RoundHistory.open(file);
        RoundHistory.Row shown = new RoundHistory.Row(1, "cnn", 50, 10, 0.995, 0.9945, 0.9954, 0.9956, Double.NaN,
                RoundHistory.Decision.PENDING);
        h.record(shown);
        h.record(shown.withRandomTest(0.9954));
        h.record(shown.withRandomTest(0.9954).withDecision(RoundHistory.Decision.KEPT_CURRENT));
        h.record(new RoundHistory.Row(2, "cnn", 100, 17, 0.995, 0.9955, 0.9954, 0.9957, Double.NaN, RoundHistory.Decision.USED));

        List<RoundHistory.Row> rows = RoundHistory.open(file).rows();

        assertEquals(2, rows.size());
        assertEquals(RoundHistory.Decision.KEPT_CURRENT, rows.get(0).decision());
        assertEquals(0.9954, rows.get(0).randomTest(), 1e-9);
        assertTrue(Double.isNaN(rows.get(1).randomTest()), "a baseline not yet measured stays unknown");
        assertEquals(2, RoundHistory.open(file).lastRound());
    }

    @Test
    void aLineCutShortByAKillIsSkippedAndTheRestStands() throws Exception {
        Path file = dir.resolve("rounds.tsv");
        RoundHistory.open(file).record(new RoundHistory.Row(1, "cnn", 50, 10, 0.995, 0.9945, 0.9954, 0.9956, 0.9954,
                RoundHistory.Decision.USED));
        Files.writeString(file, "2\tcnn+50labels\t100\t1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<RoundHistory.Row> rows = RoundHistory.open(file).rows();

        assertEquals(1, rows.size());
        assertEquals("cnn", rows.get(0).model());
    }
}
