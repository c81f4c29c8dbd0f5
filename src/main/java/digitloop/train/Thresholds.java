package digitloop.train;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.ModelMetadata;
import digitloop.model.Scores;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The two "not sure" thresholds, chosen on validation data when a model is trained. */
public final class Thresholds {
    /** Share of answered validation samples that must be right at the trusted threshold. */
    public static final double TRUSTED_PRECISION = 0.999;
    /** Share of validation digits whose energy must stay under the energy threshold. */
    public static final double ENERGY_ACCEPTED = 0.995;
    /** Written when there is no validation data: accept everything. */
    public static final double NO_ENERGY_LIMIT = Float.MAX_VALUE;

    private Thresholds() {
    }

    /** Both thresholds of one model. */
    public record Measured(double trusted, double energy) {
        static final Measured NONE = new Measured(0, NO_ENERGY_LIMIT);
    }

    /**
     * Both thresholds of {@code network} measured on {@code validation}; with no validation data, none
     * (answer everything). {@code metadata} only tells the classifier the model's input.
     */
    public static Measured measure(MultiLayerNetwork network, ModelMetadata metadata, Digits validation) {
        if (validation.size() == 0) return Measured.NONE;
        Scores scores = new Classifier(network, metadata).score(validation);
        return new Measured(trusted(scores, validation.labels()), energy(scores));
    }

    /**
     * The lowest max-probability t such that the validation samples scoring ≥ t are at least
     * 99.9 % correct: everything the model answers at or above t is as right as we promise.
     */
    public static double trusted(Scores scores, int[] labels) {
        int n = labels.length;
        if (n == 0) return 0;
        Integer[] order = new Integer[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            confidence[i] = scores.maxProbability(i);
        }
        // Walk from the most confident down, keeping the running accuracy of the answered set.
        Arrays.sort(order, (a, b) -> Float.compare(confidence[b], confidence[a]));
        int correct = 0;
        double threshold = 1.0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (scores.argmax(i) == labels[i]) correct++;
            boolean tieContinues = k + 1 < n && confidence[order[k + 1]] == confidence[i];
            if (!tieContinues && correct >= TRUSTED_PRECISION * (k + 1)) threshold = confidence[i];
        }
        return threshold;
    }

    /** The {@link #ENERGY_ACCEPTED} quantile of validation energies. */
    public static double energy(Scores scores) {
        float[] e = scores.energy().clone();
        if (e.length == 0) return NO_ENERGY_LIMIT;
        Arrays.sort(e);
        int k = Math.min(e.length - 1, (int) Math.ceil(ENERGY_ACCEPTED * e.length) - 1);
        return e[Math.max(k, 0)];
    }
}
