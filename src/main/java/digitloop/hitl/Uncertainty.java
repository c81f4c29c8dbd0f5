package digitloop.hitl;

/**
 * Uncertainty scores of one sample's class probabilities; higher means "ask about this one".
 * BALD and variation ratios take T stochastic (MC dropout) probability vectors.
 */
public final class Uncertainty {
    private Uncertainty() {
    }

    /** Predictive entropy −Σ p log p (Shannon 1948; the original project's choice). */
    public static double entropy(float[] p) {
        double h = 0;
        for (float v : p) if (v > 0) h -= v * Math.log(v);
        return h;
    }

    /** Negative margin between the two most probable classes. */
    public static double margin(float[] p) {
        float first = -1, second = -1;
        for (float v : p) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return -(first - second);
    }

    public static double leastConfidence(float[] p) {
        float max = 0;
        for (float v : p) max = Math.max(max, v);
        return 1 - max;
    }

    /** BALD (Houlsby et al. 2011): entropy of the mean minus the mean entropy over T passes. */
    public static double bald(float[][] passes) {
        float[] mean = mean(passes);
        double expected = 0;
        for (float[] p : passes) expected += entropy(p);
        return entropy(mean) - expected / passes.length;
    }

    /** Variation ratios (Freeman 1965): 1 − share of passes that vote for the modal class. */
    public static double variationRatio(float[][] passes) {
        int[] votes = new int[passes[0].length];
        for (float[] p : passes) {
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            votes[best]++;
        }
        int mode = 0;
        for (int v : votes) mode = Math.max(mode, v);
        return 1 - (double) mode / passes.length;
    }

    static float[] mean(float[][] passes) {
        float[] m = new float[passes[0].length];
        for (float[] p : passes) for (int c = 0; c < m.length; c++) m[c] += p[c] / passes.length;
        return m;
    }
}
