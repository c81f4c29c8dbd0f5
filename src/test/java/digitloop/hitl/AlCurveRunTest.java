package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Augmentation;
import digitloop.data.Digits;
import digitloop.model.CnnSpec;
import digitloop.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny al-curve: real MNIST, a few steps a round; what matters is the bookkeeping, not the accuracy. */
class AlCurveRunTest {
    static final AlCurveProtocol TINY = new AlCurveProtocol(20, 10, 40, 50, 200, 3, 8, 16, 1e-3,
            new CnnSpec(List.of(4), 3, 16, 0.5), Augmentation.NONE, 300);

    @Test
    void anInterruptedRunResumesAfterItsLastRowAndAcquiresEachSampleOnce(@TempDir Path dir) throws IOException {
        Digits train = TestData.train().head(3000);
        Digits test = TestData.test();
        Path csv = dir.resolve("entropy-seed1.csv");
        AlCurveRun run = new AlCurveRun(TINY.withMaxLabels(30), StrategyKind.ENTROPY, 1, 0);
        List<Integer> seen = new ArrayList<>();

        List<AlCurveLog.Round> first = run.run(train, test, csv, r -> seen.add(r.labels()), CancellationToken.none());
        assertEquals(List.of(20, 30), seen);
        // A kill in the middle of writing the next row.
        Files.writeString(csv, "40,0.12", StandardOpenOption.APPEND);

        seen.clear();
        List<AlCurveLog.Round> all = new AlCurveRun(TINY, StrategyKind.ENTROPY, 1, 0).run(train, test, csv, r -> seen.add(r.labels()),
                CancellationToken.none());
        assertEquals(List.of(40), seen, "only the missing round is trained");
        assertEquals(List.of(20, 30, 40), all.stream().map(AlCurveLog.Round::labels).toList());
        assertEquals(first.get(0).testAccuracy(), all.get(0).testAccuracy(), "rows already written are kept as they were");

        Set<Integer> acquired = new HashSet<>();
        Set<Integer> testIds = Retrainer.idsOf(test);
        PoolSplit split = PoolSplit.balanced(train, 20, 50, 1);
        Set<Integer> notPool = Retrainer.idsOf(split.labeled().concat(split.validation()));
        for (AlCurveLog.Round r : all) {
            assertEquals(10, r.acquiredNext().length);
            for (int id : r.acquiredNext()) {
                assertTrue(acquired.add(id), "sample " + id + " acquired twice");
                assertFalse(testIds.contains(id), "test sample " + id + " acquired");
                assertFalse(notPool.contains(id), "labelled or validation sample " + id + " acquired");
            }
        }
        assertEquals(List.of(20, 30, 40), AlCurveLog.read(csv).stream().map(AlCurveLog.Round::labels).toList(),
                "the torn row is gone from the file");
    }

    @Test
    void aLogWrittenUnderOtherSettingsIsNotResumed(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bald-seed2.csv");
        AlCurveLog.open(csv, new AlCurveRun(TINY, StrategyKind.BALD, 2, 0).header());
        IOException e = assertThrows(IOException.class, () -> new AlCurveRun(TINY.withSteps(9), StrategyKind.BALD, 2, 0)
                .run(TestData.train().head(1000), TestData.test(), csv, r -> { }, CancellationToken.none()));
        assertTrue(e.getMessage().contains("was written under other settings"), e.getMessage());
    }

    @Test
    void roundsGetSixtyFourPassesWithinTheStepBounds() {
        AlCurveProtocol gal = AlCurveProtocol.GAL_2017;
        assertEquals(200, gal.stepsFor(20));
        assertEquals(500, gal.stepsFor(500));
        assertEquals(1000, gal.stepsFor(1000));
        assertEquals(1000, gal.stepsFor(5000));
    }

    @Test
    void aNoisyOracleRunHasItsOwnFile() {
        assertEquals("entropy-oracle10pct-seed3.csv", new AlCurveRun(TINY, StrategyKind.ENTROPY, 3, 0.1).fileName());
        assertEquals("variation_ratios-seed1.csv", new AlCurveRun(TINY, StrategyKind.VARIATION_RATIOS, 1, 0).fileName());
    }
}
