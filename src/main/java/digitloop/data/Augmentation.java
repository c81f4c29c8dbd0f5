package digitloop.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random small rotations, shifts and zooms of training images, the classic MNIST augmentation: a
 * handwritten digit moved by two pixels, turned by ten degrees or drawn a tenth larger is still the
 * same digit.
 *
 * @param maxZoom largest relative change of size, e.g. 0.1 for 90 % to 110 %
 * @param style   changes of handwriting style on top (slant, width, wobble, stroke, blur, fade)
 */
public record Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom, HandwritingStyle style) {
    public static final Augmentation NONE = new Augmentation(0, 0, 0);
    public static final Augmentation STANDARD = new Augmentation(2, 10, 0);

    public Augmentation {
        if (maxZoom < 0 || maxZoom >= 0.5) throw new IllegalArgumentException("zoom must be in [0, 0.5), was " + maxZoom);
        if (style == null) style = HandwritingStyle.NONE;
    }

    public Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom) {
        this(maxShiftPixels, maxRotationDegrees, maxZoom, HandwritingStyle.NONE);
    }

    public Augmentation withZoom(double zoom) { return new Augmentation(maxShiftPixels, maxRotationDegrees, zoom, style); }

    public Augmentation withStyle(HandwritingStyle s) { return new Augmentation(maxShiftPixels, maxRotationDegrees, maxZoom, s); }

    public boolean isNone() { return !moves() && style.isNone(); }

    /** True when shifts, turns or zooms are on. */
    private boolean moves() { return maxShiftPixels != 0 || maxRotationDegrees != 0 || maxZoom != 0; }

    public String describe() {
        if (isNone()) return "none";
        String s = moves() ? String.format(Locale.ROOT, "shift ±%.0f px, rotate ±%.0f°", maxShiftPixels, maxRotationDegrees) : "";
        if (maxZoom != 0) s += String.format(Locale.ROOT, ", zoom ±%.0f %%", maxZoom * 100);
        return style.isNone() ? s : s.isEmpty() ? style.describe() : s + ", " + style.describe();
    }

    /**
     * {@code digits} and {@code copies} augmented copies of each, made once with {@code seed}: the set grown
     * before training, as one of the original projects did with rotated copies, instead of changed on the fly.
     * The copies keep their original's id and label.
     */
    public Digits extend(Digits digits, int copies, long seed) {
        if (copies < 0) throw new IllegalArgumentException("copies must be >= 0, got " + copies);
        Digits grown = digits;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < copies; c++) {
            float[] pixels = new float[digits.size() * digits.pixelsPerImage()];
            for (int i = 0; i < digits.size(); i++) digits.copyImage(i, pixels, i * digits.pixelsPerImage());
            apply(pixels, digits.size(), digits.side(), random);
            grown = grown.concat(digits.withPixels(pixels, digits.side()));
        }
        return grown;
    }

    /** Transforms {@code count} images of {@code side}x{@code side} stored back to back in {@code images}, in place. */
    public void apply(float[] images, int count, int side, SplittableRandom random) {
        if (isNone()) return;
        int n = side * side;
        float[] src = new float[n];
        // Shifts scale with the image: ±2 px at 28 px is ±1 px at 14 px.
        double shift = maxShiftPixels * side / 28.0;
        for (int i = 0; i < count; i++) {
            if (!moves()) {
                style.apply(images, i * n, side, random);
                continue;
            }
            System.arraycopy(images, i * n, src, 0, n);
            double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxRotationDegrees);
            double dx = (random.nextDouble() * 2 - 1) * shift;
            double dy = (random.nextDouble() * 2 - 1) * shift;
            // Sampling the source at 1/scale enlarges the digit by scale; drawn only when zoom is on,
            // so seeded runs without zoom keep their exact random sequence.
            double inverse = maxZoom == 0 ? 1 : 1 / (1 + (random.nextDouble() * 2 - 1) * maxZoom);
            warp(src, images, i * n, side, Math.cos(angle) * inverse, Math.sin(angle) * inverse, dx, dy);
            if (!style.isNone()) style.apply(images, i * n, side, random);
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
                dst[offset + y * side + x] = ImageOps.bilinear(src, side, sx, sy);
            }
        }
    }
}
