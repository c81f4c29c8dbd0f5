package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlCurveTableTest {

    private static void csv(Path file, double... accuracyPer100Labels) throws IOException {
        StringBuilder s = new StringBuilder("# al-curve test\n" + AlCurveLog.COLUMNS + "\n");
        for (int i = 0; i < accuracyPer100Labels.length; i++) {
            s.append(100 * (i + 1)).append(',').append(accuracyPer100Labels[i]).append(",1.0,1 2 3\n");
        }
        Files.writeString(file, s);
    }

    @Test
    void thresholdsAndErrorComeFromTheMeanOverTheSeedsThatGotFurthest(@TempDir Path dir) throws IOException {
        csv(dir.resolve("entropy-seed1.csv"), 0.80, 0.91, 0.94, 0.96, 0.97, 0.975, 0.98, 0.982, 0.984, 0.986);
        csv(dir.resolve("entropy-seed2.csv"), 0.82, 0.87, 0.95, 0.95, 0.97, 0.975, 0.98, 0.982, 0.984, 0.990);
        csv(dir.resolve("random-seed1.csv"), 0.70, 0.85);
        Files.writeString(dir.resolve("entropy-seed3.csv"), "# al-curve test\n" + AlCurveLog.COLUMNS + "\n100,0.5,1.0,");
        csv(dir.resolve("entropy-seed4.csv"), 0.60, 0.70);
        Files.writeString(dir.resolve("notes.txt"), "not a log");

        List<AlCurveTable.Curve> curves = AlCurveTable.read(dir);

        assertEquals(List.of("entropy", "random"), curves.stream().map(AlCurveTable.Curve::run).toList());
        AlCurveTable.Curve entropy = curves.get(0);
        assertEquals(2, entropy.seeds(), "a log with only a torn row counts as not started");
        assertEquals(300, entropy.figures().labelsTo90(), "mean at 200 is 0.89, at 300 0.945");
        assertEquals(400, entropy.figures().labelsTo95(), "mean at 300 is 0.945 < 0.95, at 400 0.955");
        assertEquals(0.012, entropy.figures().errorAt1000(), 1e-9);
        assertEquals(0.80, entropy.points().get(0).min(), 1e-9);
        assertEquals(0.82, entropy.points().get(0).max(), 1e-9);
        assertEquals(List.of(new AlCurveTable.Behind(4, 200)), entropy.behind(), "seed 4 stopped at 200 labels");
        assertEquals((0.89 + 0.945 + 0.955) / 3, entropy.figures().mid(), 1e-9, "mean of the 200, 300 and 400-label points");
        AlCurveTable.Figures seed2 = entropy.perSeed().get(1).figures();
        assertEquals(2, entropy.perSeed().get(1).seed());
        assertEquals(300, seed2.labelsTo95(), "seed 2 alone reaches 95 % at 300 labels, before the mean does");
        assertEquals(0.010, seed2.errorAt1000(), 1e-9);

        AlCurveTable.Curve random = curves.get(1);
        assertEquals(200, random.labelsReached());
        assertEquals(-1, random.figures().labelsTo90());
        assertTrue(Double.isNaN(random.figures().errorAt1000()));
        String md = AlCurveTable.markdown(curves);
        assertTrue(md.contains("| entropy | 2 | 1000 | 300 | 400 | 1.20 % | 93.00 % | seed 1: 400 · 1.40 % · 93.67 %; "
                + "seed 2: 300 · 1.00 % · 92.33 % | 355 · 1.74 % | seed 4 (200) |"), md);
        assertTrue(md.contains("| random | 1 | 200 | not reached | not reached | not reached | not reached "
                + "| seed 1: not reached · not reached · not reached | 835 · 4.66 % | – |"), md);
    }

    @Test
    void aSeedJustStartedNeitherHidesNorDragsTheFinishedSeedsFigures() {
        var finished = List.of(new AlCurveLog.Round(20, 0.5, 1, new int[0]), new AlCurveLog.Round(30, 0.96, 1, new int[0]));
        var started = List.of(new AlCurveLog.Round(20, 0.1, 1, new int[0]));
        AlCurveTable.Curve c = AlCurveTable.curve("x",
                List.of(new AlCurveTable.SeedLog(1, finished), new AlCurveTable.SeedLog(2, started)));
        assertEquals(1, c.seeds());
        assertEquals(30, c.labelsReached());
        assertEquals(30, c.figures().labelsTo95());
        assertEquals(0.5, c.points().get(0).mean(), 1e-9, "the started seed's 10 % at 20 labels is not averaged in");
        assertEquals(List.of(new AlCurveTable.Behind(2, 20)), c.behind());
    }

    @Test
    void labelCountsNotEveryUsedSeedHasAreLeftOut() {
        var a = List.of(new AlCurveLog.Round(20, 0.5, 1, new int[0]), new AlCurveLog.Round(30, 0.6, 1, new int[0]));
        var b = List.of(new AlCurveLog.Round(30, 0.6, 1, new int[0]));
        AlCurveTable.Curve c = AlCurveTable.curve("x", List.of(new AlCurveTable.SeedLog(1, a), new AlCurveTable.SeedLog(2, b)));
        assertEquals(1, c.points().size());
        assertEquals(0.6, c.points().get(0).mean(), 1e-9);
    }
}
