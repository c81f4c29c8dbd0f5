package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.model.MlpSpec;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The oracle loop and the retrainer on a small MLP: bookkeeping, provenance and test-set isolation. */
class HitlLoopTest {
    private static PoolSplit split;
    private static TrainingResult initial;
    private static Digits test;

    @BeforeAll
    static void smallModel() {
        split = PoolSplit.create(TestData.train().head(3000), 200, 200, 2);
        test = TestData.test().head(2000);
        initial = new Trainer(TrainingConfig.DEFAULT.withEpochs(4).withLearningRate(3e-3, 0.9)).train(
                new MlpSpec(List.of(32), "relu", 0.2), Degradation.NONE, split.labeled(), split.validation(),
                TrainingListener.NONE, CancellationToken.none());
    }

    private static HitlLoop.Settings settings(int iterations) {
        return new HitlLoop.Settings(20, iterations, StrategyKind.ENTROPY, new QueryOptions(0, false, 5, 3),
                TrainingConfig.DEFAULT.withEpochs(1).withLearningRate(5e-4, 1), Retrainer.Mode.FINE_TUNE, 0, 3);
    }

    @Test
    void eachIterationReportsLabelsCorrectionsAndTheRandomBaselineOfTheSameBudget() {
        List<HitlIteration> progress = new ArrayList<>();
        HitlReport report = HitlLoop.run("small", initial.model(), initial.history(), split, test, settings(2), progress::add,
                CancellationToken.none());

        assertEquals(2, report.iterations().size());
        assertEquals(report.iterations(), progress);
        HitlIteration last = report.iterations().get(1);
        assertEquals(List.of(20, 40), report.iterations().stream().map(HitlIteration::labelsGiven).toList());
        assertTrue(last.corrections() > 0 && last.corrections() <= 40, "corrections " + last.corrections());
        assertTrue(last.corrections() >= report.iterations().get(0).corrections(), "corrections accumulate");
        assertEquals(last.testAccuracy() - report.initialAccuracy(), last.gainSinceStart(), 1e-12);
        assertTrue(last.randomBaselineAccuracy() > 0.5, "the baseline is a trained model too");
        assertTrue(report.table().contains("corrections"));
        List<HitlReport.Series> series = report.series();
        assertEquals(3, series.size());
        assertEquals(initial.history().size(), series.get(0).x().length);
        assertEquals(3, series.get(1).y().length, "the start plus two iterations");
        assertEquals(last.testAccuracy() * 100, series.get(1).y()[2], 1e-9);
        assertEquals(last.randomBaselineAccuracy() * 100, series.get(2).y()[2], 1e-9);
    }

    @Test
    void aRetrainedModelRecordsHowManyHumanLabelsItSaw() {
        Oracle oracle = new Oracle(split.hidden(), 0, 1);
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) answers.put(split.pool().id(i), oracle.answer(split.pool().id(i)));
        Digits set = Retrainer.trainingSet(split, answers, List.of(), Degradation.NONE, Retrainer.idsOf(test));
        assertEquals(split.labeled().size() + 30, set.size());
        for (Retrainer.Mode mode : Retrainer.Mode.values()) {
            TrainingResult result = Retrainer.retrain(initial.model(), set, split.validation(), 30, mode,
                    TrainingConfig.DEFAULT.withEpochs(1), TrainingListener.NONE, CancellationToken.none());
            assertEquals(30, result.model().metadata().training().humanLabels(), mode.toString());
        }
    }

    @Test
    void aRetrainCancelledBeforeItsFirstEpochLeavesNoModel() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        TrainingResult result = Retrainer.retrain(initial.model(), split.labeled(), split.validation(), 0, Retrainer.Mode.FINE_TUNE,
                TrainingConfig.DEFAULT.withEpochs(1), TrainingListener.NONE, cancel);
        assertFalse(result.hasModel());
        assertEquals(TrainingResult.Status.CANCELLED, result.status());
    }

    @Test
    void aPoolThatHoldsTestImagesIsRefused() {
        PoolSplit leaky = PoolSplit.create(TestData.train().head(500).concat(test.head(500)), 100, 100, 1);
        LoadedModel model = initial.model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HitlLoop.run("leaky", model, List.of(), leaky,
                test, settings(1), it -> { }, CancellationToken.none()));
        assertTrue(e.getMessage().contains("test sample"), e.getMessage());
        Set<Integer> testIds = Retrainer.idsOf(test);
        for (int i = 0; i < split.pool().size(); i++) assertFalse(testIds.contains(split.pool().id(i)));
    }
}
