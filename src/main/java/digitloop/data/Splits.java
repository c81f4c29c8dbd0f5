package digitloop.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random partitions of a set of samples. */
public final class Splits {
    private Splits() {
    }

    /** A seeded permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Train and validation parts: {@code validationFraction} of the samples, chosen at random, go to validation. */
    public static Digits[] trainValidation(Digits all, double validationFraction, long seed) {
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        int[] order = permutation(all.size(), seed);
        int validation = (int) Math.round(all.size() * validationFraction);
        int[] v = Arrays.copyOfRange(order, 0, validation);
        int[] t = Arrays.copyOfRange(order, validation, order.length);
        Arrays.sort(v);
        Arrays.sort(t);
        return new Digits[] {all.subset(t), all.subset(v)};
    }
}
