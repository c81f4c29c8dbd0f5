package digitloop.train;

import digitloop.data.Degradation;
import digitloop.data.MnistPlacement;
import digitloop.data.NonDigitSketches;
import digitloop.model.NetworkFactory;
import java.util.SplittableRandom;

/**
 * Adds synthetic non-digits to a training batch with a uniform target over the ten digits
 * (outlier exposure): the network learns to have no favourite when there is no digit, so the
 * trusted and energy thresholds turn scribbles and smudges away. The sketches get the model's
 * degradation, so a noisy or downsampled model cannot tell them apart by their cleanliness.
 */
final class OutlierExposure {
    private final double share;
    private final Degradation degradation;

    OutlierExposure(double share, Degradation degradation) {
        this.share = share;
        this.degradation = degradation;
    }

    /** Non-digits to add to a batch of {@code digits} images. */
    int extraFor(int digits) {
        return share == 0 ? 0 : (int) Math.round(digits * share);
    }

    /** Writes {@code extra} sketches and their uniform targets after the first {@code digits} rows. */
    void append(float[] features, float[] labels, int side, int digits, int extra, SplittableRandom random) {
        int pixels = side * side;
        float uniform = 1f / NetworkFactory.CLASSES;
        for (int k = digits; k < digits + extra; k++) {
            float[] sketch = NonDigitSketches.draw(random);
            float[] image = degradation.changesNothing() ? sketch
                    : degradation.apply(sketch, MnistPlacement.SIDE, random.nextInt(Integer.MAX_VALUE));
            if (image.length != pixels) {
                throw new IllegalStateException("a " + side + "x" + side + " model cannot use 28x28 sketches under " + degradation.label());
            }
            System.arraycopy(image, 0, features, k * pixels, pixels);
            java.util.Arrays.fill(labels, k * NetworkFactory.CLASSES, (k + 1) * NetworkFactory.CLASSES, uniform);
        }
    }
}
