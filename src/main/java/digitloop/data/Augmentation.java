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
 * @param copies  0: every image changed anew each time training draws it (on the fly); N: the training set grown
 *                once, before training, by N changed copies of each image, which then train unchanged
 */
public record Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom, HandwritingStyle style, int copies) {
    /** The most copies a set may be grown by: 16 copies of 54,000 images are 3.4 GB of floats already. */
    public static final int MAX_COPIES = 16;

    public static final Augmentation NONE = new Augmentation(0, 0, 0);
    public static final Augmentation STANDARD = new Augmentation(2, 10, 0);

    public Augmentation {
        if (maxZoom < 0 || maxZoom >= 0.5) throw new IllegalArgumentException("zoom must be in [0, 0.5), was " + maxZoom);
        if (style == null) style = HandwritingStyle.NONE;
        if (copies < 0 || copies > MAX_COPIES) throw new IllegalArgumentException("copies must be 0 to " + MAX_COPIES + ", got " + copies);
    }

    public Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom) {
        this(maxShiftPixels, maxRotationDegrees, maxZoom, HandwritingStyle.NONE, 0);
    }

    public Augmentation(double maxShiftPixels, double maxRotationDegrees, double maxZoom, HandwritingStyle style) {
        this(maxShiftPixels, maxRotationDegrees, maxZoom, style, 0);
    }

    public Augmentation withZoom(double zoom) { return new Augmentation(maxShiftPixels, maxRotationDegrees, zoom, style, copies); }

    public Augmentation withStyle(HandwritingStyle s) { return new Augmentation(maxShiftPixels, maxRotationDegrees, maxZoom, s, copies); }

    /** Grown once by {@code n} copies of each image instead of changed on the fly (0: on the fly). */
    public Augmentation withCopies(int n) { return new Augmentation(maxShiftPixels, maxRotationDegrees, maxZoom, style, n); }

    /** True when the set is grown once before training ({@link #copies()} > 0) and something changes the images. */
    public boolean growsTheSet() { return copies > 0 && !isNone(); }

    public boolean isNone() { return !moves() && style.isNone(); }

    /** True when shifts, turns or zooms are on. */
    private boolean moves() { return maxShiftPixels != 0 || maxRotationDegrees != 0 || maxZoom != 0; }

    public String describe() {
        if (isNone()) return "none";
        String s = moves() ? String.format(Locale.ROOT, "shift ±%.0f px, rotate ±%.0f°", maxShiftPixels, maxRotationDegrees) : "";
        if (maxZoom != 0) s += String.format(Locale.ROOT, ", zoom ±%.0f %%", maxZoom * 100);
        s = style.isNone() ? s : s.isEmpty() ? style.describe() : s + ", " + style.describe();
        return copies == 0 ? s : s + String.format(Locale.ROOT, "; the set grown once by %d cop%s of each image", copies, copies == 1 ? "y" : "ies");
    }

    /**
     * {@code digits} and {@code copies} augmented copies of each, made once with {@code seed}: the set grown
     * before training, as one of the original projects did with rotated copies, instead of changed on the fly.
     * The copies keep their original's id and label.
     */
    public Digits extend(Digits digits, int copies, long seed) {
        if (copies < 0) throw new IllegalArgumentException("copies must be >= 0, got " + copies);
        if (isNone()) return digits;
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
