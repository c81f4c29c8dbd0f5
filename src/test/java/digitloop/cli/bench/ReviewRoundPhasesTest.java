package digitloop.cli.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.files.AppHome;
import digitloop.model.ModelFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's review round runs the app's round on the default CNN and reports every phase (no time is asserted). */
class ReviewRoundPhasesTest {
    @Test
    void everyPhaseOfTheDefaultCnnsRoundIsReported() {
        Map<String, Double> phases = ReviewRoundPhases.measure(ModelFile.load(AppHome.resolve("models", "cnn.zip")), TestData.train(), TestData.test());
        assertTrue(phases.keySet().stream().anyMatch(k -> k.startsWith("score the pool of 4,000")), phases.toString());
        assertTrue(phases.containsKey("retrain") && phases.containsKey("measure the retrained model"), phases.toString());
        double result = phases.get("Retrain to the result, the app's case");
        double next = phases.get("Retrain to the next queue (result + scoring the pool)");
        assertTrue(result > 0 && next > result, phases.toString());
        assertTrue(phases.get("measure the current model on the test set") > 0, "measured once here, left out of the app's case: " + phases);
    }
}
