package digitloop.canvas;

import digitloop.data.Digits;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows of real MNIST digits laid out as a person writes a number, for measuring the segmenter: each
 * digit enlarged to its own random size, the row slanted and each digit jittered up or down, the
 * gaps between ink boxes either open or closed (touching, or overlapping by 2 to 4 px), on a white
 * page with dark ink or a black page with bright ink (both of which {@link PageInk} reads). Where
 * two digits overlap the brighter ink wins, as two pen strokes crossing.
 */
public final class DigitRows {
    /** How the digits of a row are spaced. */
    public enum Spacing {
        /** 3 to 16 px between neighbouring ink boxes. */
        GAPS("gaps of 3-16 px"),
        /** Ink boxes that touch (0 px) or overlap by 2, 3 or 4 px. */
        TOUCHING("touching or 2-4 px overlap");

        private final String text;

        Spacing(String text) {
            this.text = text;
        }

        public String text() { return text; }
    }

    /** One digit as placed: its true label and its ink box in the row image. */
    public record Placed(int label, int testIndex, NormalizedImage.Box box) {
    }

    /** A row image and what was written in it. */
    public record Row(BufferedImage image, List<Placed> digits, Spacing spacing, boolean darkOnLight) {
        public Row {
            digits = List.copyOf(digits);
        }

        public String number() {
            StringBuilder s = new StringBuilder();
            for (Placed p : digits) s.append((char) ('0' + p.label()));
            return s.toString();
        }
    }

    /** Scaled pixels at least this bright are the digit's ink, as {@link PageInk}'s threshold sees it. */
    static final float INK = PageInk.INK_THRESHOLD;
    static final int MARGIN = 12;
    static final int[] CLOSED_GAPS = {0, -2, -3, -4};

    private DigitRows() {
    }

    /** A row of {@code count} digits drawn from {@code source} (MNIST's test set, never its training set). */
    public static Row make(Digits source, int count, Spacing spacing, SplittableRandom random) {
        double rowScale = 1.4 + 1.4 * random.nextDouble();
        double slope = (random.nextDouble() * 2 - 1) * 0.08;
        boolean darkOnLight = random.nextBoolean();
        List<float[]> images = new ArrayList<>();
        List<int[]> geometry = new ArrayList<>(); // side, ink minX, minY, maxX, maxY, placed x, placed y
        List<Placed> placed = new ArrayList<>();
        int cursor = MARGIN;
        int minTop = Integer.MAX_VALUE;
        int maxBottom = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            int index = random.nextInt(source.size());
            int side = Math.max(20, (int) Math.round(source.side() * rowScale * (0.8 + 0.45 * random.nextDouble())));
            float[] scaled = enlarge(source.image(index), source.side(), side);
            int[] ink = inkBox(scaled, side);
            if (ink == null) {
                k--;
                continue;
            }
            int inkH = ink[3] - ink[1] + 1;
            if (k > 0) cursor += 1 + (spacing == Spacing.GAPS ? 3 + random.nextInt(14) : CLOSED_GAPS[random.nextInt(CLOSED_GAPS.length)]);
            int x = cursor - ink[0];
            double centreY = 200 + slope * cursor + (random.nextDouble() * 2 - 1) * 0.12 * inkH;
            int y = (int) Math.round(centreY - (ink[1] + ink[3]) / 2.0);
            images.add(scaled);
            geometry.add(new int[] {side, ink[0], ink[1], ink[2], ink[3], x, y});
            minTop = Math.min(minTop, y + ink[1]);
            maxBottom = Math.max(maxBottom, y + ink[3]);
            cursor = x + ink[2];
            placed.add(new Placed(source.label(index), index, null));
        }
        int shiftY = MARGIN - minTop;
        int width = cursor + 1 + MARGIN;
        int height = maxBottom - minTop + 1 + 2 * MARGIN;
        float[] page = new float[width * height];
        List<Placed> boxes = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            int[] g = geometry.get(k);
            int side = g[0];
            int ox = g[5];
            int oy = g[6] + shiftY;
            float[] img = images.get(k);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int px = ox + x;
                    int py = oy + y;
                    if (px < 0 || py < 0 || px >= width || py >= height) continue;
                    int i = py * width + px;
                    page[i] = Math.max(page[i], img[y * side + x]);
                }
            }
            NormalizedImage.Box box = new NormalizedImage.Box(ox + g[1], oy + g[2], g[3] - g[1] + 1, g[4] - g[2] + 1);
            boxes.add(new Placed(placed.get(k).label(), placed.get(k).testIndex(), box));
        }
        return new Row(grey(page, width, height, darkOnLight), boxes, spacing, darkOnLight);
    }

    /** Bilinear enlargement of a square image, sampling at pixel centres. */
    static float[] enlarge(float[] src, int from, int to) {
        float[] out = new float[to * to];
        double step = (double) from / to;
        for (int y = 0; y < to; y++) {
            double sy = (y + 0.5) * step - 0.5;
            int y0 = (int) Math.floor(sy);
            double fy = sy - y0;
            for (int x = 0; x < to; x++) {
                double sx = (x + 0.5) * step - 0.5;
                int x0 = (int) Math.floor(sx);
                double fx = sx - x0;
                double v = (1 - fy) * ((1 - fx) * at(src, from, x0, y0) + fx * at(src, from, x0 + 1, y0))
                        + fy * ((1 - fx) * at(src, from, x0, y0 + 1) + fx * at(src, from, x0 + 1, y0 + 1));
                out[y * to + x] = (float) v;
            }
        }
        return out;
    }

    private static float at(float[] src, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : src[y * side + x];
    }

    /** {minX, minY, maxX, maxY} of the pixels at least {@link #INK}; null when there are none. */
    static int[] inkBox(float[] img, int side) {
        int minX = side, minY = side, maxX = -1, maxY = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (img[y * side + x] < INK) continue;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    private static BufferedImage grey(float[] ink, int w, int h, boolean darkOnLight) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.round(Math.min(1f, ink[y * w + x]) * 255);
                row[x] = darkOnLight ? 255 - v : v;
            }
            raster.setPixels(0, y, w, 1, row);
        }
        return image;
    }
}
