package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads an image as ink on a page. Samples are taken as stored, not through
 * {@code BufferedImage.getRGB}: for a grey image that converts linear grey to sRGB (a stored 80
 * comes back as 152), which would brighten every MNIST-style grey image, and it is the slow path.
 */
final class PageInk {
    /** Ink fainter than this (relative to the page) does not count: anti-aliasing fringe, paper grain. */
    static final float INK_THRESHOLD = 0.08f;
    /** On a grainy page the threshold rises to this many median absolute deviations of the border (4 sigma)... */
    static final float NOISE_FACTOR = 6f;
    /** ... but never above this, or faint pencil would vanish. */
    static final float MAX_THRESHOLD = 0.5f;
    /** ITU-R BT.601 luma weights, as PIL's convert("L") and the MNIST-era tools use on stored values. */
    private static final float RED = 0.299f, GREEN = 0.587f, BLUE = 0.114f;
    private static final int BINS = 256;

    private PageInk() {
    }

    /**
     * Ink in [0, 1] per pixel, zero wherever there is no ink. Transparent pixels are page: on a
     * mostly transparent image every opaque stroke is ink whatever its colour (white ink on a
     * transparent layer would vanish if composited over white); otherwise pixels are composited
     * over the page colour and measured against it.
     */
    static InkImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] lum = new float[w * h];
        float[] alpha = image.getColorModel().hasAlpha() ? new float[w * h] : null;
        read(image, lum, alpha);
        if (alpha != null && median(borderHistogram(alpha, null, w, h)) < BINS / 2) {
            return onTransparentPage(lum, alpha, w, h);
        }
        Page page = Page.of(lum, alpha, w, h);
        if (alpha != null) {
            for (int i = 0; i < lum.length; i++) lum[i] = alpha[i] * lum[i] + (1 - alpha[i]) * page.level();
        }
        // ink = (v - level) / range, or (level - v) / range for dark ink: one multiply-add per pixel.
        float range = Math.max(page.darkInk() ? page.level() : 1 - page.level(), 1e-3f);
        float slope = (page.darkInk() ? -1 : 1) / range;
        float intercept = -page.level() * slope;
        float threshold = Math.min(MAX_THRESHOLD, Math.max(INK_THRESHOLD, NOISE_FACTOR * page.noise() / range));
        for (int i = 0; i < lum.length; i++) {
            float s = lum[i] * slope + intercept;
            lum[i] = s < threshold ? 0 : Math.min(s, 1);
        }
        return new InkImage(lum, w, h, page.darkInk());
    }

    private static InkImage onTransparentPage(float[] lum, float[] alpha, int w, int h) {
        double mass = 0, shade = 0;
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            mass += a;
            shade += a * lum[i];
            if (a < INK_THRESHOLD) alpha[i] = 0;
        }
        // "Inverted" keeps its meaning: dark strokes, as they would look on white paper.
        return new InkImage(alpha, w, h, mass > 0 && shade / mass < 0.5);
    }

    /** The page behind the ink: its grey level, on which side of it the ink lies, and its grain. */
    private record Page(float level, boolean darkInk, float noise) {
        /** Share of border pixels that must be near the border's median for the border to be trusted. */
        private static final double CONSISTENT_BORDER = 0.6;
        private static final int NEAR = BINS / 5;
        private static final int TAIL = BINS * 3 / 20;

        /**
         * The border's median is the page colour, since a digit rarely touches the edge; when the
         * border disagrees with itself (a bold digit cropped tight, a vignette) the image's median
         * is used, since ink covers less than half of a digit image. A light page means dark ink and
         * a dark one bright ink; for a mid-grey page the side with more pixels far from it is ink.
         */
        static Page of(float[] lum, float[] alpha, int w, int h) {
            int[] border = borderHistogram(lum, alpha, w, h);
            int borderCount = total(border);
            int median = median(border);
            int[] whole = null;
            int[] spread = border;
            if (borderCount == 0 || countWithin(border, median, NEAR) < CONSISTENT_BORDER * borderCount) {
                whole = histogram(lum, alpha);
                median = median(whole);
                spread = whole;
            }
            boolean darkInk;
            if (median >= BINS * 3 / 5) {
                darkInk = true;
            } else if (median <= BINS * 2 / 5) {
                darkInk = false;
            } else {
                if (whole == null) whole = histogram(lum, alpha);
                int darker = 0, brighter = 0;
                for (int b = 0; b < BINS; b++) {
                    if (b < median - TAIL) darker += whole[b];
                    if (b > median + TAIL) brighter += whole[b];
                }
                darkInk = darker >= brighter;
            }
            return new Page(median / (BINS - 1f), darkInk, medianDeviation(spread, median) / (BINS - 1f));
        }
    }

    // ---- sample reading -------------------------------------------------------------------

    /**
     * Rows are copied out as data elements ({@code Raster.getDataElements}, an array copy for
     * the standard types) and decoded here; {@code Raster.getPixels} costs a virtual call per
     * sample and took most of the time for a 280x280 canvas.
     */
    private static void read(BufferedImage image, float[] lum, float[] alpha) {
        ColorModel cm = image.getColorModel();
        Rows rows = Rows.of(image.getRaster());
        if (rows != null && cm instanceof IndexColorModel icm) {
            readIndexed(icm, rows, lum, alpha);
        } else if (rows != null && cm instanceof DirectColorModel dcm && rows.elementsPerPixel() == 1) {
            readPacked(dcm, rows, lum, alpha);
        } else if (rows != null && cm instanceof ComponentColorModel && isGreyOrRgb(cm, rows)) {
            readComponents(cm, rows, lum, alpha);
        } else {
            readThroughRgb(image, lum, alpha);
        }
    }

    /** One sample per colour component, grey or RGB, up to 16 bits: every grey or colour image ImageIO makes. */
    private static boolean isGreyOrRgb(ColorModel cm, Rows rows) {
        int colours = cm.getNumColorComponents();
        if (colours != 1 && colours != 3) return false;
        if (rows.elementsPerPixel() != cm.getNumComponents()) return false;
        for (int b = 0; b < cm.getNumComponents(); b++) {
            if (cm.getComponentSize(b) > 16) return false;
        }
        return true;
    }

    private static void readComponents(ColorModel cm, Rows rows, float[] lum, float[] alpha) {
        int bands = cm.getNumComponents();
        boolean grey = cm.getNumColorComponents() == 1;
        float[] weight = new float[bands];
        for (int b = 0; b < bands; b++) {
            float luma = grey ? 1 : (b == 0 ? RED : b == 1 ? GREEN : BLUE);
            weight[b] = luma / ((1 << cm.getComponentSize(b)) - 1);
        }
        int alphaBand = cm.hasAlpha() ? bands - 1 : -1;
        float alphaScale = alphaBand < 0 ? 0 : 1f / ((1 << cm.getComponentSize(alphaBand)) - 1);
        boolean premultiplied = cm.isAlphaPremultiplied();
        for (int y = 0, i = 0; y < rows.height(); y++) {
            int[] row = rows.row(y);
            for (int p = 0; p < rows.width() * bands; p += bands, i++) {
                float l = grey ? row[p] * weight[0]
                        : row[p] * weight[0] + row[p + 1] * weight[1] + row[p + 2] * weight[2];
                if (alphaBand >= 0) {
                    float a = row[p + alphaBand] * alphaScale;
                    if (premultiplied && a > 0) l = Math.min(1f, l / a);
                    alpha[i] = a;
                }
                lum[i] = l;
            }
        }
    }

    /** INT_RGB, INT_ARGB(_PRE), INT_BGR, USHORT_565 and the like: one packed int per pixel. */
    private static void readPacked(DirectColorModel cm, Rows rows, float[] lum, float[] alpha) {
        Channel r = new Channel(cm.getRedMask(), RED);
        Channel g = new Channel(cm.getGreenMask(), GREEN);
        Channel b = new Channel(cm.getBlueMask(), BLUE);
        Channel a = new Channel(cm.hasAlpha() ? cm.getAlphaMask() : 0, 1);
        boolean premultiplied = cm.isAlphaPremultiplied();
        for (int y = 0, i = 0; y < rows.height(); y++) {
            int[] row = rows.row(y);
            for (int x = 0; x < rows.width(); x++, i++) {
                int p = row[x];
                float l = r.value(p) + g.value(p) + b.value(p);
                if (alpha != null) {
                    float av = a.value(p);
                    if (premultiplied && av > 0) l = Math.min(1f, l / av);
                    alpha[i] = av;
                }
                lum[i] = l;
            }
        }
    }

    /** One colour channel of a packed pixel, already weighted for luma and scaled to [0, 1]. */
    private record Channel(int mask, int shift, float scale) {
        Channel(int mask, float weight) {
            this(mask, Integer.numberOfTrailingZeros(mask), mask == 0 ? 0 : weight / (mask >>> Integer.numberOfTrailingZeros(mask)));
        }

        float value(int pixel) {
            return ((pixel & mask) >>> shift) * scale;
        }
    }

    private static void readIndexed(IndexColorModel icm, Rows rows, float[] lum, float[] alpha) {
        int size = icm.getMapSize();
        int[] argb = new int[size];
        icm.getRGBs(argb);
        float[] paletteLum = new float[size];
        float[] paletteAlpha = new float[size];
        for (int k = 0; k < size; k++) {
            paletteLum[k] = luma(argb[k]);
            paletteAlpha[k] = (argb[k] >>> 24) / 255f;
        }
        for (int y = 0, i = 0; y < rows.height(); y++) {
            int[] row = rows.row(y);
            for (int x = 0; x < rows.width(); x++, i++) {
                // An index past the palette is what a damaged GIF holds; Java2D shows it as black.
                int k = row[x * rows.elementsPerPixel()];
                lum[i] = k < size ? paletteLum[k] : 0;
                if (alpha != null) alpha[i] = k < size ? paletteAlpha[k] : 1;
            }
        }
    }

    /** CMYK, float samples, custom colour models: let Java2D convert to sRGB, slowly but correctly. */
    private static void readThroughRgb(BufferedImage image, float[] lum, float[] alpha) {
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0, i = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++, i++) {
                lum[i] = luma(row[x]);
                if (alpha != null) alpha[i] = (row[x] >>> 24) / 255f;
            }
        }
    }

    /** A raster read row by row as unsigned data elements, whatever their array type. */
    private static final class Rows {
        private final Raster raster;
        private final int elementsPerPixel;
        private final int[] ints;
        private Object copy;

        private Rows(Raster raster) {
            this.raster = raster;
            this.elementsPerPixel = raster.getNumDataElements();
            this.ints = new int[raster.getWidth() * elementsPerPixel];
        }

        /** Null for float, double and signed-short data, which the plain decoders do not handle. */
        static Rows of(Raster raster) {
            int type = raster.getTransferType();
            boolean unsigned = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_INT;
            return unsigned ? new Rows(raster) : null;
        }

        int width() { return raster.getWidth(); }

        int height() { return raster.getHeight(); }

        int elementsPerPixel() { return elementsPerPixel; }

        int[] row(int y) {
            copy = raster.getDataElements(0, y, raster.getWidth(), 1, copy);
            if (copy instanceof byte[] bytes) {
                for (int k = 0; k < ints.length; k++) ints[k] = bytes[k] & 0xff;
            } else if (copy instanceof short[] shorts) {
                for (int k = 0; k < ints.length; k++) ints[k] = shorts[k] & 0xffff;
            } else {
                return (int[]) copy;
            }
            return ints;
        }
    }

    private static float luma(int argb) {
        return (RED * ((argb >> 16) & 0xff) + GREEN * ((argb >> 8) & 0xff) + BLUE * (argb & 0xff)) / 255f;
    }

    // ---- histograms of values in [0, 1], 256 bins -----------------------------------------

    /** Border pixels (each once), skipping mostly transparent ones when {@code alpha} is given. */
    private static int[] borderHistogram(float[] v, float[] alpha, int w, int h) {
        int[] hist = new int[BINS];
        for (int x = 0; x < w; x++) {
            add(hist, v, alpha, x);
            if (h > 1) add(hist, v, alpha, (h - 1) * w + x);
        }
        for (int y = 1; y < h - 1; y++) {
            add(hist, v, alpha, y * w);
            if (w > 1) add(hist, v, alpha, y * w + w - 1);
        }
        return hist;
    }

    private static int[] histogram(float[] v, float[] alpha) {
        int[] hist = new int[BINS];
        for (int i = 0; i < v.length; i++) add(hist, v, alpha, i);
        return hist;
    }

    private static void add(int[] hist, float[] v, float[] alpha, int i) {
        if (alpha == null || alpha[i] >= 0.5f) hist[bin(v[i])]++;
    }

    private static int bin(float v) {
        return Math.max(0, Math.min(BINS - 1, Math.round(v * (BINS - 1))));
    }

    private static int total(int[] hist) {
        int n = 0;
        for (int c : hist) n += c;
        return n;
    }

    /** The lower median bin; 0 for an empty histogram. */
    private static int median(int[] hist) {
        int half = (total(hist) + 1) / 2;
        int seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += hist[b];
            if (seen >= half && seen > 0) return b;
        }
        return 0;
    }

    private static int countWithin(int[] hist, int centre, int distance) {
        int n = 0;
        for (int b = Math.max(0, centre - distance); b <= Math.min(BINS - 1, centre + distance); b++) n += hist[b];
        return n;
    }

    /** Median absolute deviation from {@code centre}, in bins: the page's grain, robust to the ink. */
    private static int medianDeviation(int[] hist, int centre) {
        int[] deviation = new int[BINS];
        for (int b = 0; b < BINS; b++) deviation[Math.abs(b - centre)] += hist[b];
        return median(deviation);
    }
}
