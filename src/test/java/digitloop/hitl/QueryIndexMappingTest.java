package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.model.Classifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indices a strategy returns must point at the pool samples it found uncertain, also when it
 * scored only a random subset (returning positions in the subset instead is a known bug class).
 * The pool is built so the right answer is known without running the strategy: see
 * {@link KnownUncertaintyModel}. Every tenth sample (index % 10 == 3) is borderline, every tenth
 * (index % 10 == 7) bold, the rest blank.
 */
class QueryIndexMappingTest {
    static final int SIZE = 2000;
    private static Classifier model;
    private static Pool pool;
    private static float[] values;

    @BeforeAll
    static void knownPool() {
        model = KnownUncertaintyModel.classifier();
        values = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = i % 10 == 3 ? KnownUncertaintyModel.BORDERLINE : i % 10 == 7 ? KnownUncertaintyModel.BOLD : 0f;
        }
        pool = KnownUncertaintyModel.pool(values);
    }

    @Test
    void theModelIsAsUncertainAsDesigned() {
        float[][] p = model.score(pool.images().subset(new int[] {0, 3, 7})).probabilities();
        assertTrue(p[0][1] > 0.999, "blank: surely a 1");
        assertEquals(0.5, p[1][0], 1e-3, "borderline: a coin toss between 0 and 1");
        assertEquals(0.5, p[1][1], 1e-3);
        assertTrue(p[2][0] > 0.999, "bold: surely a 0");
    }

    @Test
    void withoutSubsamplingTheMostUncertainAreExactlyTheBorderlineSamples() {
        Set<Integer> borderline = IntStream.range(0, SIZE).filter(i -> i % 10 == 3).boxed().collect(Collectors.toSet());
        for (StrategyKind kind : List.of(StrategyKind.ENTROPY, StrategyKind.MARGIN, StrategyKind.LEAST_CONFIDENCE)) {
            int[] picked = kind.create().select(model, pool, borderline.size(), new QueryOptions(0, false, 20, 5));
            assertEquals(borderline, set(picked), kind + " did not pick exactly the borderline samples");
        }
    }

    @Test
    void subsampledPicksAreBorderlinePoolSamplesNotPositionsInTheSubsample() {
        for (StrategyKind kind : List.of(StrategyKind.ENTROPY, StrategyKind.MARGIN, StrategyKind.LEAST_CONFIDENCE)) {
            for (long seed = 1; seed <= 5; seed++) {
                int[] picked = kind.create().select(model, pool, 10, new QueryOptions(500, false, 20, seed));
                assertEquals(10, set(picked).size(), kind + ": ten different samples");
                for (int index : picked) {
                    assertEquals(3, index % 10, kind + " seed " + seed + ": index " + index + " is not a borderline sample; picked "
                            + Arrays.toString(picked));
                    assertEquals(KnownUncertaintyModel.BORDERLINE, pool.images().image(index)[400], 0f);
                    assertEquals(7 * index + 60_001, pool.id(index), "index and id stay paired");
                }
            }
        }
    }

    @Test
    void subsampledBayesianPicksAreInkedSamplesNeverBlankOnes() {
        for (StrategyKind kind : List.of(StrategyKind.BALD, StrategyKind.VARIATION_RATIOS)) {
            for (long seed = 1; seed <= 3; seed++) {
                int[] picked = kind.create().select(model, pool, 10, new QueryOptions(500, false, 20, seed));
                assertEquals(10, set(picked).size());
                for (int index : picked) {
                    assertTrue(index % 10 == 3 || index % 10 == 7, kind + " seed " + seed + ": index " + index
                            + " is a blank sample, on which every dropout pass agrees; picked " + Arrays.toString(picked));
                }
            }
        }
    }

    @Test
    void subsampledRandomPicksAreDistinctPoolIndicesFromTheWholePool() {
        int[] picked = StrategyKind.RANDOM.create().select(model, pool, 300, new QueryOptions(500, false, 20, 2));
        assertEquals(300, set(picked).size());
        for (int index : picked) assertTrue(index >= 0 && index < SIZE);
        assertTrue(Arrays.stream(picked).max().orElseThrow() > 1000, "drawn from the whole pool, not its first 500");
    }

    private static Set<Integer> set(int[] indices) {
        return new HashSet<>(Arrays.stream(indices).boxed().toList());
    }
}
