package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.model.EvaluationReport;
import digitloop.train.Evaluator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed default models must keep their promised floors on the full MNIST test set. */
class DefaultModelsTest {

    @Test
    void defaultCnnScoresAtLeast99point5PercentOnAllTenThousandTestImages() {
        EvaluationReport report = evaluate(Path.of("models", "cnn.zip"));
        assertTrue(report.accuracy() >= 0.995, "CNN test accuracy " + report.accuracy());
    }

    @Test
    void defaultMlpScoresAtLeast98point3PercentOnAllTenThousandTestImages() {
        EvaluationReport report = evaluate(Path.of("models", "mlp.zip"));
        assertTrue(report.accuracy() >= 0.983, "MLP test accuracy " + report.accuracy());
    }

    private static EvaluationReport evaluate(Path file) {
        LoadedModel model = ModelFile.load(file);
        assertTrue(model.metadata().degradation().changesNothing(), "default models are trained on clean MNIST");
        EvaluationReport report = Evaluator.evaluate(model.classifier(), TestData.test());
        assertEquals(10_000, report.count());
        return report;
    }
}
