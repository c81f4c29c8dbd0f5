package digitloop.canvas;

import digitloop.data.MnistPlacement;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Any image of a digit → the 28x28 input MNIST's authors made (LeCun et al.): crop the ink to its
 * bounding box, scale it with area averaging so the longer side is 20 px keeping the aspect ratio,
 * and place it in 28x28 so its centre of mass is at the centre. Images without enough ink give
 * nothing: there is no digit to recognise, so the caller makes no prediction.
 */
public final class MnistNormalizer {
    public static final int SIDE = MnistPlacement.SIDE;
    /** MNIST's digits were fitted into a 20x20 box inside the 28x28 field. */
    public static final int BOX = 20;
    /** Fewer ink pixels than this share of the image means blank (a speck, a stray click). */
    static final double MIN_INK_SHARE = 0.0005;
    /** ... or fewer than this many, which matters for small images such as a 28x28 input. */
    static final int MIN_INK_PIXELS = 3;
    /**
     * Ink at the edges worth less than this share of all the ink is left out of the bounding box: a
     * speck of dust far from the digit would otherwise shrink the digit to make room for it. It
     * trims at most a row or two of a rounded stroke end, under 1 % of the box.
     */
    static final double STRAY_SHARE = 0.002;
    /** Largest brightening of faint ink (see restoreStrokeCores). */
    static final float MAX_GAIN = 1.25f;

    private MnistNormalizer() {
    }

    /** The MNIST-style image of the digit in {@code image}, or empty when it holds no ink worth a prediction. */
    public static Optional<NormalizedImage> normalize(BufferedImage image) {
        return normalize(PageInk.of(image), 0, 0);
    }

    /**
     * Normalises a whole ink image whose top-left corner lies at {@code (offsetX, offsetY)} of the
     * source (the segmenter's per-digit crops), so the ink box is reported in source pixels.
     * The ink map holds zero wherever there is no ink ({@link PageInk} thresholds it), so any
     * positive value counts as ink.
     */
    static Optional<NormalizedImage> normalize(InkImage ink, int offsetX, int offsetY) {
        int w = ink.width();
        int h = ink.height();
        float[] v = ink.ink();
        double[] rowMass = new double[h];
        double[] columnMass = new double[w];
        int count = 0;
        for (int y = 0, i = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++, i++) {
                float p = v[i];
                if (p > 0) {
                    count++;
                    row += p;
                    columnMass[x] += p;
                }
            }
            rowMass[y] = row;
        }
        if (count < Math.max(MIN_INK_PIXELS, MIN_INK_SHARE * w * h)) return Optional.empty();
        double total = 0;
        for (double m : rowMass) total += m;
        double budget = STRAY_SHARE * total;
        int minX = firstBeyond(columnMass, budget);
        int maxX = lastBeyond(columnMass, budget);
        int minY = firstBeyond(rowMass, budget);
        int maxY = lastBeyond(rowMass, budget);
        int boxW = maxX - minX + 1;
        int boxH = maxY - minY + 1;
        double scale = (double) BOX / Math.max(boxW, boxH);
        int outW = Math.max(1, (int) Math.round(boxW * scale));
        int outH = Math.max(1, (int) Math.round(boxH * scale));
        float[] scaled = AreaResampler.resample(ink, minX, minY, boxW, boxH, outW, outH);
        restoreStrokeCores(scaled);
        float[] pixels = MnistPlacement.centreByMass(scaled, outW, outH);
        NormalizedImage.Box box = new NormalizedImage.Box(minX + offsetX, minY + offsetY, boxW, boxH);
        return Optional.of(new NormalizedImage(pixels, box, ink.inverted()));
    }

    /** The first line once the lines before it hold more than {@code budget} of ink. */
    private static int firstBeyond(double[] mass, double budget) {
        double seen = 0;
        for (int i = 0; i < mass.length; i++) {
            seen += mass[i];
            if (seen > budget) return i;
        }
        return mass.length - 1;
    }

    private static int lastBeyond(double[] mass, double budget) {
        double seen = 0;
        for (int i = mass.length - 1; i >= 0; i--) {
            seen += mass[i];
            if (seen > budget) return i;
        }
        return 0;
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
}
