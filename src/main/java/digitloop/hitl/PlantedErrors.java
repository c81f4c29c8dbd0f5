package digitloop.hitl;

import digitloop.data.Digits;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Known label errors put into real data, to measure how many of them a ranking finds: {@code count}
 * samples (a seeded choice) get a label other than their own, chosen at random.
 *
 * @param indices the positions whose labels were changed, ascending
 */
public record PlantedErrors(Digits digits, int[] indices) {

    public static PlantedErrors flip(Digits clean, int count, long seed) {
        if (count < 0 || count > clean.size()) throw new IllegalArgumentException("cannot flip " + count + " of " + clean.size() + " labels");
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = Arrays.copyOf(digitloop.data.Splits.permutation(clean.size(), random.nextLong()), count);
        Arrays.sort(chosen);
        int[] labels = clean.labels();
        for (int i : chosen) labels[i] = (labels[i] + 1 + random.nextInt(9)) % 10;
        return new PlantedErrors(clean.withLabels(labels), chosen);
    }

    public boolean isPlanted(int index) {
        return Arrays.binarySearch(indices, index) >= 0;
    }

    /** The share of the planted errors among the first {@code k} issues. */
    public double recallAt(java.util.List<LabelIssue> issues, int k) {
        if (indices.length == 0) return Double.NaN;
        long found = issues.stream().limit(k).filter(e -> isPlanted(e.index())).count();
        return (double) found / indices.length;
    }
}
