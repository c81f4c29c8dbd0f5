package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.Classifier;
import digitloop.model.Scores;
import java.util.Arrays;
import java.util.Comparator;
import digitloop.task.CancellationToken;

/**
 * Scores candidates with one uncertainty measure and takes the top k. With subsampling the
 * candidates are a random subset, and their positions are mapped back to pool indices before
 * returning: forgetting that mapping is a classic active-learning bug (ScoredStrategyTest).
 */
final class ScoredStrategy implements QueryStrategy {
    /** With diversity on, the k picks are spread over the this-many-times-k most uncertain candidates. */
    static final int DIVERSITY_FACTOR = 10;

    private final StrategyKind kind;

    ScoredStrategy(StrategyKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() { return kind.name().toLowerCase(java.util.Locale.ROOT); }

    @Override
    public int[] select(Classifier model, Pool pool, int k, QueryOptions options, CancellationToken cancelled) {
        int[] candidates = candidates(pool.size(), options);
        k = Math.min(k, candidates.length);
        if (kind == StrategyKind.RANDOM) return Arrays.copyOf(candidates, k);
        Digits images = pool.images().subset(candidates);
        double[] score = score(model, images, options, cancelled);
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]));
        int[] picked = options.diverse() ? spread(order, images, k) : topK(order, k);
        int[] poolIndices = new int[picked.length];
        for (int i = 0; i < picked.length; i++) poolIndices[i] = candidates[picked[i]];
        return poolIndices;
    }

    /** Candidate pool indices: all of them, or a seeded random subset, in random order. */
    static int[] candidates(int poolSize, QueryOptions options) {
        int[] order = Splits.permutation(poolSize, options.seed());
        return options.subsample() > 0 && options.subsample() < poolSize ? Arrays.copyOf(order, options.subsample()) : order;
    }

    double[] score(Classifier model, Digits images, QueryOptions options, CancellationToken cancelled) {
        double[] score = new double[images.size()];
        if (kind.bayesian()) {
            float[][][] passes = model.mcDropout(images, options.mcPasses(), options.seed(), cancelled);
            float[][] perSample = new float[passes.length][];
            for (int i = 0; i < score.length; i++) {
                for (int t = 0; t < passes.length; t++) perSample[t] = passes[t][i];
                score[i] = kind == StrategyKind.BALD ? Uncertainty.bald(perSample) : Uncertainty.variationRatio(perSample);
            }
            return score;
        }
        Scores scores = model.score(images, cancelled);
        for (int i = 0; i < score.length; i++) {
            float[] p = scores.probabilities()[i];
            score[i] = switch (kind) {
                case MARGIN -> Uncertainty.margin(p);
                case LEAST_CONFIDENCE -> Uncertainty.leastConfidence(p);
                default -> Uncertainty.entropy(p);
            };
        }
        return score;
    }

    private static int[] topK(Integer[] order, int k) {
        int[] top = new int[k];
        for (int i = 0; i < k; i++) top[i] = order[i];
        return top;
    }

    /** Greedy k-centre over the most uncertain candidates: each pick is the one farthest from those already picked. */
    private static int[] spread(Integer[] order, Digits images, int k) {
        int m = Math.min(order.length, Math.max(k, k * DIVERSITY_FACTOR));
        float[][] x = new float[m][];
        for (int i = 0; i < m; i++) x[i] = images.image(order[i]);
        double[] nearest = new double[m];
        Arrays.fill(nearest, Double.MAX_VALUE);
        int[] picked = new int[k];
        boolean[] taken = new boolean[m];
        int current = 0;
        for (int n = 0; n < k; n++) {
            picked[n] = order[current];
            taken[current] = true;
            int next = -1;
            for (int i = 0; i < m; i++) {
                if (taken[i]) continue;
                nearest[i] = Math.min(nearest[i], distance(x[i], x[current]));
                if (next < 0 || nearest[i] > nearest[next]) next = i;
            }
            if (next < 0) return Arrays.copyOf(picked, n + 1);
            current = next;
        }
        return picked;
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return d;
    }

}
