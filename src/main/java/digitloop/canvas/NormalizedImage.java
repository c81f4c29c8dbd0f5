package digitloop.canvas;

import digitloop.data.Degradation;
import java.util.Arrays;

/**
 * A drawing or photo turned into MNIST's form: 28x28 floats in [0, 1], ink bright on black, the
 * ink's longer side 20 px, its centre of mass at the centre.
 *
 * @param pixels   784 values, row-major (a copy on the way in and on the way out)
 * @param inkBox   where the ink was found in the source image
 * @param inverted true when the source had dark ink on a light page
 */
public record NormalizedImage(float[] pixels, Box inkBox, boolean inverted) {
    public static final int SIDE = MnistNormalizer.SIDE;

    /** A rectangle in source-image pixels. */
    public record Box(int x, int y, int width, int height) {
        public Box {
            if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty box " + width + "x" + height);
        }

        public double centreX() { return x + width / 2.0; }
    }

    public NormalizedImage {
        if (pixels.length != SIDE * SIDE) {
            throw new IllegalArgumentException("expected " + SIDE * SIDE + " pixels, got " + pixels.length);
        }
        pixels = pixels.clone();
    }

    @Override
    public float[] pixels() {
        return pixels.clone();
    }

    /**
     * The input a model trained under {@code degradation} expects: 784 values, or 196 for 14x14.
     * Sample id 0, as {@code Classifier.predict} uses, so one drawing always gets the same noise.
     */
    public float[] modelInput(Degradation degradation) {
        return modelInput(degradation, 0);
    }

    /** As {@link #modelInput(Degradation)}, with the noise stream of {@code sampleId}. */
    public float[] modelInput(Degradation degradation, int sampleId) {
        return degradation.apply(pixels, SIDE, sampleId);
    }

    // A record compares arrays by reference; two normalisations of one drawing should be equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedImage n && n.inverted == inverted && n.inkBox.equals(inkBox)
                && Arrays.equals(n.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(pixels) + inkBox.hashCode()) + Boolean.hashCode(inverted);
    }

    @Override
    public String toString() {
        return "NormalizedImage[inkBox=" + inkBox + ", inverted=" + inverted + "]";
    }
}
