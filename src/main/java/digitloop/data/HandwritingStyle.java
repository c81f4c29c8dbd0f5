package digitloop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random changes of handwriting style that MNIST's writers do not cover but a person's pen does: slant
 * (shear), narrow or wide digits (aspect), wobbly strokes (elastic distortion, Simard et al. 2003),
 * thicker or thinner strokes, blur, and faint or low-contrast ink. Each is off at 0 and draws random
 * numbers only when on, so a seeded run with a style off keeps its exact sequence.
 *
 * @param maxShear     largest horizontal shear, x += shear · y (0.3 ≈ 17° of slant either way)
 * @param maxAspect    largest relative change of width against height, e.g. 0.25 for 75 % to 125 %
 * @param elastic      strength α of the elastic distortion in pixels at 28 px (Simard et al.: 34 with σ 4); 0 = off
 * @param maxStroke    largest change of stroke width in pixels either way (thicken by dilation, thin by erosion)
 * @param maxBlur      largest Gaussian blur σ in pixels
 * @param maxFade      largest loss of contrast: ink scaled to between 1 − fade and 1
 */
public record HandwritingStyle(double maxShear, double maxAspect, double elastic, double maxStroke, double maxBlur, double maxFade) {
    public static final HandwritingStyle NONE = new HandwritingStyle(0, 0, 0, 0, 0, 0);
    /**
     * Every style on, at strengths that keep a digit readable to a person, as the Train tab's preview showed:
     * thinning by a whole pixel, a blur of σ 1 and a fade to half, together, erased MNIST's thin strokes
     * (docs/screenshots/augmentation-preview.png now shows these).
     */
    public static final HandwritingStyle ALL = new HandwritingStyle(0.3, 0.25, 30, 0.6, 0.7, 0.3);
    /** Simard et al.'s smoothing of the displacement field, in pixels at 28 px. */
    static final double ELASTIC_SIGMA = 4;

    public HandwritingStyle {
        if (maxShear < 0 || maxShear > 1 || maxAspect < 0 || maxAspect >= 0.6 || elastic < 0 || elastic > 60 || maxStroke < 0
                || maxStroke > 2 || maxBlur < 0 || maxBlur > 2 || maxFade < 0 || maxFade >= 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "handwriting style out of range: shear %.2f (0-1), aspect %.2f "
                    + "(0-0.6), elastic %.1f (0-60), stroke %.1f (0-2 px), blur %.1f (0-2 px), fade %.2f (0-1)", maxShear, maxAspect, elastic,
                    maxStroke, maxBlur, maxFade));
        }
    }

    public boolean isNone() { return equals(NONE); }

    public String describe() {
        if (isNone()) return "none";
        List<String> parts = new ArrayList<>();
        if (maxShear > 0) parts.add(String.format(Locale.ROOT, "shear ±%.2f", maxShear));
        if (maxAspect > 0) parts.add(String.format(Locale.ROOT, "aspect ±%.0f %%", maxAspect * 100));
        if (elastic > 0) parts.add(String.format(Locale.ROOT, "elastic α %.0f", elastic));
        if (maxStroke > 0) parts.add(String.format(Locale.ROOT, "stroke ±%.1f px", maxStroke));
        if (maxBlur > 0) parts.add(String.format(Locale.ROOT, "blur ≤ %.1f px", maxBlur));
        if (maxFade > 0) parts.add(String.format(Locale.ROOT, "fade ≤ %.0f %%", maxFade * 100));
        return String.join(", ", parts);
    }

    /** Changes one {@code side}×{@code side} image in place, starting at {@code offset}. */
    void apply(float[] images, int offset, int side, SplittableRandom random) {
        int n = side * side;
        float[] img = new float[n];
        System.arraycopy(images, offset, img, 0, n);
        double scale = side / 28.0;
        if (maxShear > 0 || maxAspect > 0) {
            double shear = maxShear > 0 ? (random.nextDouble() * 2 - 1) * maxShear : 0;
            double aspect = maxAspect > 0 ? 1 + (random.nextDouble() * 2 - 1) * maxAspect : 1;
            img = affine(img, side, shear, aspect);
        }
        if (elastic > 0) img = elastic(img, side, elastic * scale, ELASTIC_SIGMA * scale, random);
        if (maxStroke > 0) {
            double change = (random.nextDouble() * 2 - 1) * maxStroke * scale;
            img = strokeWidth(img, side, change);
        }
        if (maxBlur > 0) {
            double sigma = random.nextDouble() * maxBlur * scale;
            if (sigma > 0.2) img = ImageOps.gaussian(img, side, sigma);
        }
        if (maxFade > 0) {
            float keep = (float) (1 - random.nextDouble() * maxFade);
            for (int i = 0; i < n; i++) img[i] *= keep;
        }
        System.arraycopy(img, 0, images, offset, n);
    }

    /**
     * One fixed change of style (not random), for building test images of a given style: slant by {@code shear},
     * width times {@code aspect}, strokes {@code stroke} px thicker (negative: thinner), blur σ, ink times {@code ink}.
     */
    public static float[] restyled(float[] image, int side, double shear, double aspect, double stroke, double blur, double ink) {
        float[] img = shear != 0 || aspect != 1 ? affine(image, side, shear, aspect) : image.clone();
        if (stroke != 0) img = strokeWidth(img, side, stroke);
        if (blur > 0) img = ImageOps.gaussian(img, side, blur);
        if (ink != 1) for (int i = 0; i < img.length; i++) img[i] *= (float) ink;
        return img;
    }

    /** x' = aspect · (x + shear · y) about the centre: slant and width in one inverse-mapped warp. */
    static float[] affine(float[] src, int side, double shear, double aspect) {
        float[] dst = new float[side * side];
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double uy = y - c;
                double sx = (x - c) / aspect - shear * uy + c;
                dst[y * side + x] = ImageOps.bilinear(src, side, sx, y);
            }
        }
        return dst;
    }

    /** Each pixel sampled from a random, smoothed displacement: strokes that wobble as a hand does. */
    static float[] elastic(float[] src, int side, double alpha, double sigma, SplittableRandom random) {
        int n = side * side;
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            dx[i] = (float) (random.nextDouble() * 2 - 1);
            dy[i] = (float) (random.nextDouble() * 2 - 1);
        }
        dx = ImageOps.gaussian(dx, side, sigma);
        dy = ImageOps.gaussian(dy, side, sigma);
        // As Simard et al.: uniform noise in [-1, 1], smoothed by a normalised Gaussian, times alpha (about 1.4 px rms at 34 and 4).
        double k = alpha;
        float[] dst = new float[n];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                dst[i] = ImageOps.bilinear(src, side, x + k * dx[i], y + k * dy[i]);
            }
        }
        return dst;
    }

    /**
     * Thicker strokes by grey dilation (the brightest neighbour), thinner by erosion (the darkest), a
     * fraction of a pixel by blending with the unchanged image.
     */
    static float[] strokeWidth(float[] src, int side, double change) {
        float[] img = src;
        double left = Math.abs(change);
        while (left > 0) {
            float[] next = morph(img, side, change > 0);
            double t = Math.min(1, left);
            float[] blended = new float[img.length];
            for (int i = 0; i < img.length; i++) blended[i] = (float) ((1 - t) * img[i] + t * next[i]);
            img = blended;
            left -= 1;
        }
        return img;
    }

    private static float[] morph(float[] src, int side, boolean dilate) {
        float[] dst = new float[src.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = src[y * side + x];
                // A plus-shaped neighbourhood: a square one turns round strokes into boxes.
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int xx = x + d[0];
                    int yy = y + d[1];
                    float u = xx < 0 || yy < 0 || xx >= side || yy >= side ? 0f : src[yy * side + xx];
                    v = dilate ? Math.max(v, u) : Math.min(v, u);
                }
                dst[y * side + x] = v;
            }
        }
        return dst;
    }
}
