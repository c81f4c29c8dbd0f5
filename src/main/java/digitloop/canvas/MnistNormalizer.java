package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Any image of a digit → the 28x28 input MNIST's authors made (LeCun et al.): crop the ink to its
 * bounding box, scale it with area averaging so the longer side is 20 px keeping the aspect ratio,
 * and place it in 28x28 so its centre of mass is at the centre. Images without enough ink give
 * nothing: there is no digit to recognise.
 */
public final class MnistNormalizer {
    public static final int SIDE = 28;
    /** MNIST's digits were fitted into a 20x20 box inside the 28x28 field. */
    public static final int BOX = 20;
    /** Ink fainter than this does not count towards the bounding box (anti-aliasing, paper grain). */
    static final float INK_THRESHOLD = 0.08f;
    /** Fewer ink pixels than this share of the image, or than 3, means blank. */
    static final double MIN_INK_SHARE = 0.0005;
    /** Largest brightening of faint ink (see restoreStrokeCores). */
    static final float MAX_GAIN = 1.25f;

    private MnistNormalizer() {
    }

    public static Optional<NormalizedImage> normalize(BufferedImage image) {
        return normalize(InkImage.of(image), 0, 0, image.getWidth(), image.getHeight());
    }

    /** Normalises the region {@code (x0, y0, w, h)} of an ink image (the segmenter's per-digit crops). */
    static Optional<NormalizedImage> normalize(InkImage ink, int x0, int y0, int w, int h) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, count = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (ink.at(x, y) > INK_THRESHOLD) {
                    count++;
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
        }
        if (count < Math.max(3, MIN_INK_SHARE * w * h)) return Optional.empty();
        int boxW = maxX - minX + 1;
        int boxH = maxY - minY + 1;
        double scale = (double) BOX / Math.max(boxW, boxH);
        int outW = Math.max(1, (int) Math.round(boxW * scale));
        int outH = Math.max(1, (int) Math.round(boxH * scale));
        float[] scaled = AreaResampler.resample(ink, minX, minY, boxW, boxH, outW, outH);
        restoreStrokeCores(scaled);
        float[] pixels = placeByCentreOfMass(scaled, outW, outH);
        return Optional.of(new NormalizedImage(pixels, new int[] {minX, minY, boxW, boxH}, ink.inverted()));
    }

    /**
     * MNIST strokes are saturated in their core; after a blurry scan or an enlargement they are
     * not, and the model grows unsure. Brightening by at most {@value #MAX_GAIN}x restores that
     * without turning a faint smudge or a pale photo into a bold shape that looks like a digit.
     */
    private static void restoreStrokeCores(float[] pixels) {
        float max = 0;
        for (float v : pixels) max = Math.max(max, v);
        if (max <= 0 || max >= 1) return;
        float gain = Math.min(MAX_GAIN, 1 / max);
        for (int i = 0; i < pixels.length; i++) pixels[i] = Math.min(1f, pixels[i] * gain);
    }

    private static float[] placeByCentreOfMass(float[] box, int w, int h) {
        double mass = 0, sx = 0, sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = box[y * w + x];
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        double cx = mass > 0 ? sx / mass : w / 2.0;
        double cy = mass > 0 ? sy / mass : h / 2.0;
        int ox = clamp((int) Math.round(SIDE / 2.0 - cx), 0, SIDE - w);
        int oy = clamp((int) Math.round(SIDE / 2.0 - cy), 0, SIDE - h);
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < h; y++) System.arraycopy(box, y * w, out, (oy + y) * SIDE + ox, w);
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
