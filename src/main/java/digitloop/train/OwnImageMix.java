package digitloop.train;

import digitloop.data.Digits;
import java.util.SplittableRandom;

/**
 * A person's own labelled images mixed into training at a chosen share. A folder holds tens or hundreds of
 * images beside MNIST's 54,000: the images are repeated (whole copies, then a seeded random rest) until they
 * are {@code share} of the training set, so each epoch shows every one of them about equally often.
 * They join the training part only, after the validation split, so a continued model keeps validating
 * (and choosing its trusted threshold) on the MNIST images it held out.
 *
 * @param images own digits, already under the model's degradation
 * @param share  fraction of the mixed training set that is own images, in (0, 1)
 */
public record OwnImageMix(Digits images, double share) {
    public OwnImageMix {
        if (!(share > 0 && share < 1)) throw new IllegalArgumentException("the share of own images must lie between 0 and 1, got " + share);
        if (images.size() == 0) throw new IllegalArgumentException("no own images to mix in");
    }

    /** How many own images join {@code mnist} training images. */
    public int copiesFor(int mnist) {
        return Math.max(images.size(), (int) Math.round(share / (1 - share) * mnist));
    }

    /** {@code mnist} followed by {@link #copiesFor(int)} own images. */
    public Digits mixInto(Digits mnist, long seed) {
        int copies = copiesFor(mnist.size());
        int[] indices = new int[copies];
        int n = images.size();
        for (int k = 0; k < copies - copies % n; k++) indices[k] = k % n;
        int[] rest = new int[n];
        for (int i = 0; i < n; i++) rest[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rest[i];
            rest[i] = rest[j];
            rest[j] = t;
        }
        System.arraycopy(rest, 0, indices, copies - copies % n, copies % n);
        return mnist.concat(images.subset(indices));
    }
}
