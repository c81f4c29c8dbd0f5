package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review-round run resumes from what its JSON file says was done, seed by seed. */
class ReviewRoundLogTest {
    @Test
    void finishedRoundsAreReadBackWithTheirLabels(@TempDir Path dir) {
        Path json = dir.resolve("seed1.json");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(1, 1, true, 3, List.of(new int[] {10, 4}, new int[] {11, 7})));
        rows.add(row(2, 1, true, 0, List.of(new int[] {99, 1})));
        rows.add(row(1, 2, false, 5, List.of(new int[] {12, 0})));
        ReviewRoundLog.write(json, rows);

        var read = ReviewRoundLog.read(json);
        ReviewRoundLog.Resumed one = ReviewRoundLog.resumed(read, 1);
        assertEquals(2, one.rounds());
        assertEquals(5, one.corrections());
        assertEquals(1, one.lastAccepted(), "round 2 was kept out by the gate");
        assertEquals(Map.of(10, 4, 11, 7), one.answersUpTo(1));
        assertEquals(Map.of(10, 4, 11, 7, 12, 0), one.answers());
        assertEquals(0, ReviewRoundLog.resumed(read, 3).rounds(), "a seed not begun starts at round 1");
        assertEquals(dir.resolve("seed1.seed1.current.zip"), ReviewRoundLog.checkpointOf(json, 1, "current"));
    }

    @Test
    void aMissingRoundIsRefusedRatherThanSkipped() {
        List<Map<String, Object>> rows = List.of(row(1, 1, true, 0, List.of()), row(1, 3, true, 0, List.of()));
        assertThrows(IllegalStateException.class, () -> ReviewRoundLog.resumed(rows, 1));
    }

    private static Map<String, Object> row(long seed, int round, boolean accepted, int corrections, List<int[]> answered) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seed", seed);
        row.put("round", round);
        row.put("corrections", corrections);
        row.put("accepted", accepted);
        row.put("answered", answered);
        return row;
    }
}
