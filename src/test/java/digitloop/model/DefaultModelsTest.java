package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.model.EvaluationReport;
import digitloop.train.Evaluator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed default models must keep issue #3's floors on the full MNIST test set.
 */
class DefaultModelsTest {
    static final double CNN_FLOOR = 0.995;
    static final double MLP_FLOOR = 0.983;

    @Test
    void defaultCnnKeepsItsFloorOnAllTenThousandTestImages() {
        EvaluationReport report = evaluate(Path.of("models", "cnn.zip"));
        assertTrue(report.accuracy() >= CNN_FLOOR, "CNN test accuracy " + report.accuracy());
    }

    @Test
    void defaultMlpScoresAtLeast98point3PercentOnAllTenThousandTestImages() {
        EvaluationReport report = evaluate(Path.of("models", "mlp.zip"));
        assertTrue(report.accuracy() >= MLP_FLOOR, "MLP test accuracy " + report.accuracy());
    }

    private static EvaluationReport evaluate(Path file) {
        LoadedModel model = ModelFile.load(file);
        assertTrue(model.metadata().degradation().changesNothing(), "default models are trained on clean MNIST");
        EvaluationReport report = Evaluator.evaluate(model.classifier(), TestData.test());
        assertEquals(10_000, report.count());
        return report;
    }
}
