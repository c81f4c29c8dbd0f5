package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.task.CancellationToken;
import digitloop.TestData;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.data.NonDigitSketches;
import digitloop.model.Classifier;
import digitloop.model.CnnSpec;
import digitloop.model.LoadedModel;
import digitloop.model.Scores;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutlierExposureTest {

    @Test
    void nonDigitsInTheBatchesTeachTheModelToSayNotSureWithoutCostingDigits() {
        Digits train = TestData.train().head(5000);
        Digits validation = TestData.train().subset(IntStream.range(50_000, 51_000).toArray());
        CnnSpec small = new CnnSpec(List.of(16, 32), 3, 64, 0.25);
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(2);

        LoadedModel plain = new Trainer(config).train(small, Degradation.NONE, train, validation,
                TrainingListener.NONE, CancellationToken.none()).model();
        LoadedModel exposed = new Trainer(config.withNonDigits(0.2)).train(small, Degradation.NONE, train, validation,
                TrainingListener.NONE, CancellationToken.none()).model();

        // Sketches of another seed than any the training drew. Small models trained briefly are unsure
        // of everything, so compare without thresholds: the share of sketches less confident than
        // all but the least confident 5 % of real test digits.
        SplittableRandom random = new SplittableRandom(2024);
        float[][] sketches = new float[400][];
        for (int i = 0; i < sketches.length; i++) sketches[i] = NonDigitSketches.draw(random);
        Digits digits = TestData.test().head(2000);
        double plainSeparated = separated(plain.classifier(), sketches, digits);
        double exposedSeparated = separated(exposed.classifier(), sketches, digits);
        double plainAccuracy = Evaluator.evaluate(plain.classifier(), TestData.test()).accuracy();
        double exposedAccuracy = Evaluator.evaluate(exposed.classifier(), TestData.test()).accuracy();
        System.out.printf("sketches below the digits' 5th percentile of confidence: %.1f %% without non-digits in training, "
                + "%.1f %% with; test accuracy %.2f %% and %.2f %%%n", plainSeparated * 100, exposedSeparated * 100,
                plainAccuracy * 100, exposedAccuracy * 100);

        assertTrue(exposedSeparated >= 0.9, "only " + exposedSeparated + " of the sketches separated");
        assertTrue(exposedSeparated >= plainSeparated + 0.2, "without: " + plainSeparated + ", with: " + exposedSeparated);
        assertTrue(exposedAccuracy >= plainAccuracy - 0.01, "test accuracy " + exposedAccuracy + " vs " + plainAccuracy);
        assertTrue(exposed.metadata().training().augmentation().contains("non-digit"), "the sidecar says what the model saw");
    }

    private static double separated(Classifier classifier, float[][] sketches, Digits digits) {
        Scores scores = classifier.score(digits);
        float[] confidence = new float[digits.size()];
        for (int i = 0; i < confidence.length; i++) confidence[i] = scores.maxProbability(i);
        java.util.Arrays.sort(confidence);
        float cut = confidence[confidence.length / 20];
        long below = java.util.Arrays.stream(sketches).filter(image -> classifier.predict(image).probability() < cut).count();
        return (double) below / sketches.length;
    }
}
