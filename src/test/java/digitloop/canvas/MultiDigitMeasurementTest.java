package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Rows of real MNIST test digits read by the committed default model, with floors a little below what was measured. */
class MultiDigitMeasurementTest {

    @Test
    void readsRowsOfFourTestDigitsWithGapsAndTouching() {
        NumberReader reader = new NumberReader(ModelFile.load(Path.of("models", "cnn.zip")).classifier());
        var plan = new MultiDigitMeasurement.Plan(200, 4, 4, List.of(DigitRows.Spacing.GAPS, DigitRows.Spacing.TOUCHING), 1);

        var result = MultiDigitMeasurement.run(TestData.test(), reader, plan, CancellationToken.none());

        for (var e : result.bySpacing().entrySet()) {
            var t = e.getValue();
            System.out.printf(Locale.ROOT, "%s: exact %.1f %%, exact answered %.1f %%, count %.1f %%, per digit %.2f %%, answered %.1f %% "
                    + "(right %.2f %%), IoU %.3f, %.1f ms/row%n", e.getKey(), t.exactRate() * 100, t.exactAnsweredRate() * 100,
                    t.countRate() * 100, t.digitAccuracy() * 100, t.answeredShare() * 100, t.answeredPrecision() * 100, t.meanIou(),
                    t.msPerRow());
        }
        // Measured (seed 1): gaps 99.5 % per digit, 99.0 % exact, IoU 0.942; touching 90.8 %, 75.5 %, 0.842.
        var gaps = result.bySpacing().get(DigitRows.Spacing.GAPS);
        assertTrue(gaps.digitAccuracy() >= 0.98, "per digit " + gaps.digitAccuracy());
        assertTrue(gaps.exactRate() >= 0.95, "exact number " + gaps.exactRate());
        assertTrue(gaps.meanIou() >= 0.92, "mean IoU " + gaps.meanIou());
        var touching = result.bySpacing().get(DigitRows.Spacing.TOUCHING);
        assertTrue(touching.digitAccuracy() >= 0.87, "per digit, touching " + touching.digitAccuracy());
        assertTrue(touching.exactRate() >= 0.70, "exact number, touching " + touching.exactRate());
    }
}
