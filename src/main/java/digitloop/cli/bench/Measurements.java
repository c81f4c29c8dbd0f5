package digitloop.cli.bench;

import digitloop.data.Digits;
import digitloop.model.CnnSpec;
import digitloop.model.Classifier;
import digitloop.model.LeNetSpec;
import digitloop.model.MlpSpec;
import digitloop.model.NetworkFactory;
import digitloop.model.Scores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The quantities measured both here and in the reference child, by name. Sizes are chosen so
 * the slow reference still finishes in about a minute each.
 */
final class Measurements {
    static final String LENET_TRAIN = "LeNet training (img/s)";
    static final String CNN_TRAIN = "default CNN training (img/s)";
    static final String MLP_TRAIN = "MLP training (img/s)";
    static final String LENET_EVAL = "LeNet evaluation (img/s)";
    static final String CNN_EVAL = "default CNN evaluation (img/s)";
    static final String MLP_EVAL = "MLP evaluation (img/s)";
    static final String SCORE_RATE = "default CNN pool scoring (img/s)";
    static final String MC_RATE = "MC dropout T=20 (img/s)";

    private final Digits train;
    private final boolean quick;

    Measurements(Digits train, boolean quick) {
        this.train = train;
        this.quick = quick;
    }

    /** The paired measurements, in table order. */
    Map<String, DoubleSupplier> paired() {
        int it = quick ? 10 : 60;
        Digits evalSet = train.head(quick ? 2000 : 10_000);
        Map<String, DoubleSupplier> m = new LinkedHashMap<>();
        m.put(LENET_TRAIN, () -> Throughput.training(LeNetSpec.DEFAULT, train, 64, 10, it));
        m.put(CNN_TRAIN, () -> Throughput.training(CnnSpec.DEFAULT, train, 64, 10, it));
        m.put(MLP_TRAIN, () -> Throughput.training(MlpSpec.DEFAULT, train, 64, 10, it * 4));
        m.put(LENET_EVAL, () -> Throughput.evaluation(LeNetSpec.DEFAULT, evalSet, 1));
        m.put(CNN_EVAL, () -> Throughput.evaluation(CnnSpec.DEFAULT, evalSet, 1));
        m.put(MLP_EVAL, () -> Throughput.evaluation(MlpSpec.DEFAULT, evalSet, 3));
        m.put(MC_RATE, () -> mcDropoutRate(train.head(quick ? 500 : 2000)));
        return m;
    }

    /** Images per second of MC-dropout scoring, T = 20 stochastic passes each. */
    static double mcDropoutRate(Digits images) {
        Classifier classifier = untrainedCnn();
        classifier.mcDropout(images.head(100), 20, 1);
        long start = System.nanoTime();
        classifier.mcDropout(images, 20, 1);
        return images.size() / ((System.nanoTime() - start) / 1e9);
    }

    static Classifier untrainedCnn() {
        return new Classifier(NetworkFactory.build(CnnSpec.DEFAULT, 28, 1, 1e-3), Throughput.metadataFor(CnnSpec.DEFAULT, 28));
    }

    static double[] entropies(float[][] probabilities) {
        double[] entropy = new double[probabilities.length];
        for (int i = 0; i < entropy.length; i++) {
            double h = 0;
            for (float p : probabilities[i]) if (p > 0) h -= p * Math.log(p);
            entropy[i] = h;
        }
        return entropy;
    }

    /** Seconds to score {@code pool} and rank it by predictive entropy. */
    static double entropyScoringSeconds(Classifier classifier, Digits pool) {
        long start = System.nanoTime();
        Scores scores = classifier.score(pool);
        double[] entropy = entropies(scores.probabilities());
        Integer[] order = new Integer[entropy.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(entropy[b], entropy[a]));
        return (System.nanoTime() - start) / 1e9;
    }
}
