package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.ModelFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The shipped generator draws the label asked for: the test, the default CNN agrees with the requested
 * label for at least 90 % of 200 digits of every label (untruncated noise, a seed of its own per label).
 */
class ShippedGeneratorTest {
    @Test
    void theDefaultCnnReadsNineInTenOfEveryLabelsDigitsAsThatLabel() {
        GanFile.Loaded gan = GanFile.load(Path.of("models", "gan.zip"));
        Classifier judge = ModelFile.load(Path.of("models", "cnn.zip")).classifier();
        Generator generator = gan.generator();
        StringBuilder report = new StringBuilder();
        double lowest = 1;
        for (int label = 0; label < GanSpec.LABELS; label++) {
            int[] labels = new int[200];
            Arrays.fill(labels, label);
            float[] images = generator.generate(labels, generator.noise(label + 1, 200), 1.0);
            var scores = judge.score(Digits.of(images, GanSpec.SIDE, labels, Digits.consecutiveIds(200, 0)));
            int agree = 0;
            for (int i = 0; i < 200; i++) if (scores.argmax(i) == label) agree++;
            lowest = Math.min(lowest, agree / 200.0);
            report.append(String.format(Locale.ROOT, "%d: %.1f %%  ", label, agree / 2.0));
        }
        System.out.println("label agreement of models/gan.zip: " + report);
        assertTrue(lowest >= 0.90, report.toString());
    }
}
