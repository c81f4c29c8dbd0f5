package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.model.MlpSpec;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private static PoolSplit split;
    private static Classifier model;
    private static LoadedModel loaded;

    @BeforeAll
    static void smallModelAndPool() {
        split = PoolSplit.create(TestData.train().head(6000), 500, 200, 5);
        loaded = new Trainer(TrainingConfig.DEFAULT.withEpochs(15).withLearningRate(3e-3, 0.9)).train(new MlpSpec(List.of(64), "relu", 0.3), Degradation.NONE,
                split.labeled(), split.validation(), TrainingListener.NONE, CancellationToken.none()).model();
        model = loaded.classifier();
    }

    @Test
    void subsampledPicksMapBackToThePoolSamplesThatWereScored() {
        for (StrategyKind kind : List.of(StrategyKind.ENTROPY, StrategyKind.MARGIN, StrategyKind.LEAST_CONFIDENCE, StrategyKind.BALD)) {
            QueryOptions options = new QueryOptions(700, false, 10, 9);
            ScoredStrategy strategy = new ScoredStrategy(kind);

            int[] picked = strategy.select(model, split.pool(), 10, options);

            // Score every candidate on its own and take the top 10 by hand: the picks must be exactly those pool samples.
            int[] candidates = ScoredStrategy.candidates(split.pool().size(), options);
            double[] scores = strategy.score(model, split.pool().images().subset(candidates), options, CancellationToken.none());
            Integer[] order = new Integer[candidates.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
            int[] expected = new int[10];
            for (int i = 0; i < 10; i++) expected[i] = candidates[order[i]];
            assertArrayEquals(expected, picked, kind + " returned indices that are not the scored samples");
            for (int index : picked) assertTrue(index >= 0 && index < split.pool().size());
        }
    }

    @Test
    void entropyPicksAreMoreUncertainThanRandomOnes() {
        int[] entropy = StrategyKind.ENTROPY.create().select(model, split.pool(), 50, QueryOptions.DEFAULT);
        int[] random = StrategyKind.RANDOM.create().select(model, split.pool(), 50, QueryOptions.DEFAULT);
        assertTrue(meanEntropy(entropy) > 2 * meanEntropy(random), meanEntropy(entropy) + " vs " + meanEntropy(random));
    }

    @Test
    void diverseAcquisitionsAreNotNearCopies() {
        QueryOptions diverse = new QueryOptions(0, true, 20, 1);
        int[] picked = StrategyKind.ENTROPY.create().select(model, split.pool(), 20, diverse);
        assertEquals(20, new HashSet<>(Arrays.stream(picked).boxed().toList()).size());
        assertTrue(minPairDistance(picked) > minPairDistance(StrategyKind.ENTROPY.create().select(model, split.pool(), 20,
                QueryOptions.DEFAULT)));
    }

    @Test
    void theTestSetNeverEntersThePoolOrATrainingSet() {
        Set<Integer> testIds = Retrainer.idsOf(TestData.test());
        for (int i = 0; i < split.pool().size(); i++) assertFalse(testIds.contains(split.pool().id(i)));
        Map<Integer, Integer> answers = Map.of(split.pool().id(0), 3, split.pool().id(1), 4);
        Digits set = Retrainer.trainingSet(split, answers, List.of(), Degradation.NONE, testIds);
        assertEquals(split.labeled().size() + 2, set.size());
        for (int i = 0; i < set.size(); i++) assertFalse(testIds.contains(set.id(i)));

        ReviewQueue queue = ReviewQueue.build(model, split.pool(), StrategyKind.ENTROPY, 100, QueryOptions.DEFAULT, Set.of());
        for (ReviewQueue.Item item : queue.items()) assertFalse(testIds.contains(item.sampleId()), "test sample in the review queue");

        Set<Integer> poisoned = new HashSet<>(testIds);
        poisoned.add(split.pool().id(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Retrainer.trainingSet(split, answers, List.of(), Degradation.NONE, poisoned));
        assertTrue(e.getMessage().contains("test set"), e.getMessage());
    }

    @Test
    void poolLabelsAreHiddenFromEveryoneButTheOracle() {
        for (int i = 0; i < split.pool().size(); i++) assertEquals(Digits.UNLABELED, split.pool().images().label(i));
        Oracle honest = new Oracle(split.hidden(), 0, 1);
        Digits train = TestData.train();
        int id = split.pool().id(0);
        assertEquals(train.label(id), honest.answer(id), "train ids equal their index in the training file");
    }

    @Test
    void aNoisyOracleIsWrongAboutAsOftenAsAsked() {
        Oracle noisy = new Oracle(split.hidden(), 0.1, 4);
        Oracle honest = new Oracle(split.hidden(), 0, 4);
        int wrong = 0;
        for (int i = 0; i < split.pool().size(); i++) {
            int id = split.pool().id(i);
            if (noisy.answer(id) != honest.answer(id)) wrong++;
        }
        double rate = (double) wrong / split.pool().size();
        assertTrue(rate > 0.08 && rate < 0.12, "error rate " + rate);
        Oracle again = new Oracle(split.hidden(), 0.1, 4);
        Oracle noisyAgain = new Oracle(split.hidden(), 0.1, 4);
        for (int i = 0; i < 500; i++) assertEquals(again.answer(split.pool().id(i)), noisyAgain.answer(split.pool().id(i)), "seeded");
    }

    @Test
    void balancedSplitsStartWithTheSameNumberOfEachDigit() {
        PoolSplit balanced = PoolSplit.balanced(TestData.train().head(5000), 20, 100, 1);
        int[] perClass = new int[10];
        for (int i = 0; i < 20; i++) perClass[balanced.labeled().label(i)]++;
        for (int c = 0; c < 10; c++) assertEquals(2, perClass[c]);
    }

    @Test
    void uncertaintyMeasuresRankAsTheyShould() {
        float[] sure = {0.97f, 0.01f, 0.01f, 0.01f, 0, 0, 0, 0, 0, 0};
        float[] torn = {0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0};
        assertTrue(Uncertainty.entropy(torn) > Uncertainty.entropy(sure));
        assertTrue(Uncertainty.margin(torn) > Uncertainty.margin(sure));
        assertTrue(Uncertainty.leastConfidence(torn) > Uncertainty.leastConfidence(sure));
        assertEquals(0, Uncertainty.bald(new float[][] {sure, sure}), 1e-6, "agreeing passes carry no information");
        float[] other = {0.01f, 0.97f, 0.01f, 0.01f, 0, 0, 0, 0, 0, 0};
        assertTrue(Uncertainty.bald(new float[][] {sure, other}) > 0.5);
        assertEquals(0.5, Uncertainty.variationRatio(new float[][] {sure, other}), 1e-9);
    }

    private static double meanEntropy(int[] indices) {
        var scores = model.score(split.pool().images().subset(indices));
        double sum = 0;
        for (float[] p : scores.probabilities()) sum += Uncertainty.entropy(p);
        return sum / indices.length;
    }

    private static double minPairDistance(int[] indices) {
        double min = Double.MAX_VALUE;
        for (int a = 0; a < indices.length; a++) {
            for (int b = a + 1; b < indices.length; b++) {
                float[] x = split.pool().images().image(indices[a]);
                float[] y = split.pool().images().image(indices[b]);
                double d = 0;
                for (int i = 0; i < x.length; i++) d += (x[i] - y[i]) * (x[i] - y[i]);
                min = Math.min(min, d);
            }
        }
        return min;
    }
}
