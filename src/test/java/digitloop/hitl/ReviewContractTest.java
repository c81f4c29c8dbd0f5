package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainedOn;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool never holds an image the model trained on, nor a gate or test image; a model with nothing left to review is refused. */
class ReviewContractTest {
    private static final ModelMetadata DEFAULT_CNN = ModelFile.readMetadata(Path.of("models", "cnn.zip"));

    @Test
    void theDefaultCnnsPoolIsItsHeldOutValidationSplitLessTheGate() {
        Digits train = TestData.train();
        ReviewContract contract = ReviewContract.of(DEFAULT_CNN, train);
        TrainedOn t = DEFAULT_CNN.trainedOnOrInferred();
        Digits[] parts = Splits.trainValidation(train, t.validationFraction(), t.splitSeed());
        Set<Integer> trained = ids(parts[0]);
        Set<Integer> pool = ids(contract.pool().images());
        Set<Integer> gate = ids(contract.gate());

        assertEquals(ReviewContract.Workflow.TRAINED_ON_MOST, contract.workflow());
        assertEquals(6000 - ReviewContract.GATE_VALIDATION, pool.size());
        assertEquals(ReviewContract.GATE_VALIDATION, gate.size());
        assertEquals(54_000, contract.trainedCount(), "the replay is what the model trained on");
        assertTrue(pool.stream().noneMatch(trained::contains), "no pool image was trained on");
        assertTrue(gate.stream().noneMatch(trained::contains), "no gate image was trained on");
        assertTrue(pool.stream().noneMatch(gate::contains), "the gate is never in the pool");
        assertTrue(pool.stream().allMatch(id -> id < 60_000), "no test image");
        for (int i = 0; i < contract.pool().size(); i++) assertEquals(Digits.UNLABELED, contract.pool().images().label(i));
    }

    @Test
    void imagesAPersonLabelledAndTheModelTrainedOnLeaveThePool() {
        Digits train = TestData.train();
        ReviewContract before = ReviewContract.of(DEFAULT_CNN, train);
        List<Integer> labelled = List.of(before.pool().id(0), before.pool().id(1), before.pool().id(2));
        ModelMetadata retrained = DEFAULT_CNN.withTrainedOn(DEFAULT_CNN.trainedOnOrInferred().plusHuman(labelled));

        ReviewContract after = ReviewContract.of(retrained, train);

        assertEquals(before.pool().size() - 3, after.pool().size());
        for (int id : labelled) assertEquals(-1, after.pool().indexOf(id));
        assertTrue(ids(before.gate()).equals(ids(after.gate())), "every round is judged on the same images");
    }

    @Test
    void aModelThatTrainedOnNearlyEverythingIsRefusedWithWhatToDoInstead() {
        ModelMetadata greedy = DEFAULT_CNN.withTrainedOn(TrainedOn.holdout(60_000, 0.02, 1));
        ReviewRefusedException e = assertThrows(ReviewRefusedException.class, () -> ReviewContract.of(greedy, TestData.train()));
        assertTrue(e.getMessage().contains("never seen") && e.getMessage().contains("small-start project"), e.getMessage());
    }

    @Test
    void aModelThatDoesNotSayWhatItTrainedOnIsRefused() {
        ModelMetadata unknown = DEFAULT_CNN.withTraining(null).withTrainedOn(null);
        ReviewRefusedException e = assertThrows(ReviewRefusedException.class, () -> ReviewContract.of(unknown, TestData.train()));
        assertTrue(e.getMessage().contains("does not record"), e.getMessage());
    }

    @Test
    void aSmallStartPoolIsEverythingButTheStartAndTheValidation() {
        Digits train = TestData.train();
        ModelMetadata start = DEFAULT_CNN.withTrainedOn(TrainedOn.smallStart(train.size(), 1000, 1000, 3));
        ReviewContract contract = ReviewContract.of(start, train);
        assertNotNull(contract.description());
        assertEquals(ReviewContract.Workflow.SMALL_START, contract.workflow());
        assertEquals(1000, contract.trainedCount());
        assertEquals(1000, contract.gate().size());
        assertEquals(58_000, contract.pool().size());
        Set<Integer> pool = ids(contract.pool().images());
        assertTrue(ids(contract.replay(0, 0)).stream().noneMatch(pool::contains));
        assertTrue(ids(contract.gate()).stream().noneMatch(pool::contains));
    }

    private static Set<Integer> ids(Digits d) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) s.add(d.id(i));
        return s;
    }
}
