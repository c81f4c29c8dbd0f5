package digitloop.hitl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Confident learning (Northcutt, Jiang &amp; Chuang 2021, "Confident Learning: Estimating Uncertainty in
 * Dataset Labels", JAIR 70): from out-of-sample probabilities, a per-class threshold t_j — the mean
 * probability of class j over the samples labelled j — and the confident joint C[i][j], which counts
 * the samples labelled i whose probability of j reaches t_j (the largest such j when several do).
 * The samples off its diagonal are the label issues ("confident_learning" pruning in cleanlab), ranked
 * by a {@link LabelQuality}. Per-class thresholds matter: a class the model is always unsure of (a 7
 * that could be a 1) would otherwise flood a plain "lowest probability of the given label" list.
 */
public final class ConfidentLearning {
    private ConfidentLearning() {
    }

    /**
     * @param thresholds  t_j per class (NaN for a class no sample carries)
     * @param joint       the confident joint: joint[given][confident class]; samples above no threshold are not counted
     * @param issues      the off-diagonal samples, most doubtful first
     * @param disagreements the other samples whose most probable class is not their label (below every threshold
     *                      or confidently their own label too), most doubtful first, ranked on after {@code issues}:
     *                      a weaker signal, for a model so well calibrated that the joint is nearly diagonal
     */
    public record Result(double[] thresholds, int[][] joint, List<LabelIssue> issues, List<LabelIssue> disagreements) {
        /** Samples in the confident joint's off-diagonal: the estimated count of label errors before calibration. */
        public int offDiagonal() {
            int n = 0;
            for (int i = 0; i < joint.length; i++) for (int j = 0; j < joint.length; j++) if (i != j) n += joint[i][j];
            return n;
        }
    }

    /** Ranks the samples of one split; {@code ids[i]} names sample {@code i}, {@code probabilities[i]} are its out-of-sample probabilities. */
    public static Result find(float[][] probabilities, int[] labels, int[] ids, LabelQuality quality) {
        if (probabilities.length != labels.length || labels.length != ids.length) {
            throw new IllegalArgumentException("probabilities, labels and ids differ in length: " + probabilities.length + ", "
                    + labels.length + ", " + ids.length);
        }
        int classes = probabilities.length == 0 ? 10 : probabilities[0].length;
        double[] thresholds = thresholds(probabilities, labels, classes);
        int[][] joint = new int[classes][classes];
        List<LabelIssue> issues = new ArrayList<>();
        List<LabelIssue> disagreements = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            int confident = -1;
            int top = 0;
            for (int j = 0; j < classes; j++) {
                if (p[j] >= thresholds[j] && (confident < 0 || p[j] > p[confident])) confident = j;
                if (p[j] > p[top]) top = j;
            }
            if (confident >= 0) joint[labels[i]][confident]++;
            if (confident >= 0 && confident != labels[i]) {
                issues.add(new LabelIssue(0, i, ids[i], labels[i], confident, p[labels[i]], p[confident], quality.score(p, labels[i])));
            } else if (top != labels[i]) {
                disagreements.add(new LabelIssue(0, i, ids[i], labels[i], top, p[labels[i]], p[top], quality.score(p, labels[i])));
            }
        }
        List<LabelIssue> ranked = ranked(issues, 1);
        return new Result(thresholds, joint, ranked, ranked(disagreements, ranked.size() + 1));
    }

    /** Most doubtful first; equal scores (a probability of 0 underflows often) by the more probable suggestion. */
    private static List<LabelIssue> ranked(List<LabelIssue> issues, int firstRank) {
        issues.sort(Comparator.comparingDouble(LabelIssue::quality)
                .thenComparing(Comparator.comparingDouble(LabelIssue::suggestedProbability).reversed())
                .thenComparingInt(LabelIssue::index));
        List<LabelIssue> ranked = new ArrayList<>(issues.size());
        for (int r = 0; r < issues.size(); r++) {
            LabelIssue e = issues.get(r);
            ranked.add(new LabelIssue(firstRank + r, e.index(), e.id(), e.given(), e.suggested(), e.givenProbability(),
                    e.suggestedProbability(), e.quality()));
        }
        return List.copyOf(ranked);
    }

    /** t_j: the mean probability of class j over the samples labelled j. */
    static double[] thresholds(float[][] probabilities, int[] labels, int classes) {
        double[] sum = new double[classes];
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            sum[labels[i]] += probabilities[i][labels[i]];
            count[labels[i]]++;
        }
        double[] t = new double[classes];
        for (int j = 0; j < classes; j++) t[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
        return t;
    }
}
