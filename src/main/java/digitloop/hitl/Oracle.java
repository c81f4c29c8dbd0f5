package digitloop.hitl;

import java.util.SplittableRandom;

/**
 * Answers review questions with the dataset's label, wrong with a set probability: a stand-in for a
 * person in experiments and benchmarks, never in the Review tab.
 */
public final class Oracle {
    private final HiddenLabels labels;
    private final double errorRate;
    private final SplittableRandom random;

    public Oracle(HiddenLabels labels, double errorRate, long seed) {
        if (errorRate < 0 || errorRate > 1) throw new IllegalArgumentException("error rate must be in [0, 1], got " + errorRate);
        this.labels = labels;
        this.errorRate = errorRate;
        this.random = new SplittableRandom(seed);
    }

    public int answer(int sampleId) {
        int truth = labels.labelOf(sampleId);
        if (errorRate > 0 && random.nextDouble() < errorRate) return (truth + 1 + random.nextInt(9)) % 10;
        return truth;
    }
}
