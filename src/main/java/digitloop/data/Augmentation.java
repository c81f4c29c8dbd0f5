package digitloop.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random small rotations, shifts and zooms of training images, the classic MNIST augmentation: a
 * handwritten digit moved by two pixels, turned by ten degrees or drawn a tenth larger is still the
 * same digit.
 *
 * @param maxZoom largest relative change of size, e.g. 0.1 for 90 % to 110 %
 */
public record Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom) {
    public static final Augmentation NONE = new Augmentation(0, 0, 0);
    public static final Augmentation STANDARD = new Augmentation(2, 10, 0);

    public Augmentation {
        if (maxZoom < 0 || maxZoom >= 0.5) throw new IllegalArgumentException("zoom must be in [0, 0.5), was " + maxZoom);
    }

    public Augmentation withZoom(double zoom) { return new Augmentation(maxShiftPixels, maxRotationDegrees, zoom); }

    public boolean isNone() { return maxShiftPixels == 0 && maxRotationDegrees == 0 && maxZoom == 0; }

    public String describe() {
        if (isNone()) return "none";
        String s = String.format(Locale.ROOT, "shift ±%.0f px, rotate ±%.0f°", maxShiftPixels, maxRotationDegrees);
        return maxZoom == 0 ? s : s + String.format(Locale.ROOT, ", zoom ±%.0f %%", maxZoom * 100);
    }

    /** Transforms {@code count} images of {@code side}x{@code side} stored back to back in {@code images}, in place. */
    public void apply(float[] images, int count, int side, SplittableRandom random) {
        if (isNone()) return;
        int n = side * side;
        float[] src = new float[n];
        // Shifts scale with the image: ±2 px at 28 px is ±1 px at 14 px.
        double shift = maxShiftPixels * side / 28.0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(images, i * n, src, 0, n);
            double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxRotationDegrees);
            double dx = (random.nextDouble() * 2 - 1) * shift;
            double dy = (random.nextDouble() * 2 - 1) * shift;
            // Sampling the source at 1/scale enlarges the digit by scale; drawn only when zoom is on,
            // so seeded runs without zoom keep their exact random sequence.
            double inverse = maxZoom == 0 ? 1 : 1 / (1 + (random.nextDouble() * 2 - 1) * maxZoom);
            warp(src, images, i * n, side, Math.cos(angle) * inverse, Math.sin(angle) * inverse, dx, dy);
        }
    }

    /** Inverse mapping with bilinear sampling, rotating and scaling about the image centre. */
    private static void warp(float[] src, float[] dst, int offset, int side, double cos, double sin, double dx, double dy) {
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double ux = x - c - dx;
                double uy = y - c - dy;
                double sx = cos * ux + sin * uy + c;
                double sy = -sin * ux + cos * uy + c;
                dst[offset + y * side + x] = bilinear(src, side, sx, sy);
            }
        }
    }

    private static float bilinear(float[] img, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * at(img, side, x0, y0) + fx * (1 - fy) * at(img, side, x0 + 1, y0)
                + (1 - fx) * fy * at(img, side, x0, y0 + 1) + fx * fy * at(img, side, x0 + 1, y0 + 1));
    }

    private static float at(float[] img, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0f : img[y * side + x];
    }
}
