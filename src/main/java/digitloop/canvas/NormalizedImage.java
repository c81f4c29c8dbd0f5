package digitloop.canvas;

/**
 * A drawing or photo turned into MNIST's form: 28x28 floats in [0, 1], ink bright, the ink's
 * longer side 20 px, its centre of mass at the centre.
 *
 * @param pixels   784 values, row-major
 * @param inkBox   the ink's bounding box in the source image: x, y, width, height
 * @param inverted true when the source had dark ink on a light page
 */
public record NormalizedImage(float[] pixels, int[] inkBox, boolean inverted) {
}
