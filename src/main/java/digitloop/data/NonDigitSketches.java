package digitloop.data;

import java.util.SplittableRandom;

/**
 * Synthetic 28x28 images that hold no digit — scribbles, polygons, discs, crossed bars,
 * textures and smudges — placed the way MNIST places a digit (ink fitted into a 20-pixel box,
 * centre of mass at the centre), which is also how {@code MnistNormalizer} presents whatever a
 * user drops on the app. Trained on with a uniform target (outlier exposure, Hendrycks, Mazeika
 * &amp; Dietterich 2019), they teach a network to spread its probability over all ten digits when
 * it sees no digit, instead of calling a scribble a confident 8: the softmax alone is known to be
 * over-confident on such inputs.
 */
public final class NonDigitSketches {
    /** MNIST fits a digit's longer side into 20 px. */
    private static final int BOX = 20;
    /** Sub-pixel samples per axis when filling areas, for anti-aliased edges. */
    private static final int SUPERSAMPLE = 4;

    public enum Kind { SCRIBBLE, POLYGON, ELLIPSE, LINES, TEXTURE, SMUDGE }

    private NonDigitSketches() {
    }

    /** One sketch of a random kind. */
    public static float[] draw(SplittableRandom random) {
        Kind[] kinds = Kind.values();
        return draw(kinds[random.nextInt(kinds.length)], random);
    }

    /** One sketch of {@code kind}: a new 28x28 array, ink 0..1, dark background 0 like MNIST. */
    public static float[] draw(Kind kind, SplittableRandom random) {
        // Drawn in a box of random aspect, longer side BOX, then centred by mass like a digit.
        // Bars in a narrow box would read as a 1 with ticks, so theirs is nearly square.
        double aspect = kind == Kind.LINES ? 0.8 + 0.2 * random.nextDouble() : 0.45 + 0.55 * random.nextDouble();
        boolean wide = random.nextBoolean();
        int w = (int) Math.round(wide ? BOX : BOX * aspect);
        int h = (int) Math.round(wide ? BOX * aspect : BOX);
        if (kind == Kind.TEXTURE || kind == Kind.SMUDGE) {
            // Noise and photos fill their bounding box, whatever its shape.
            w = BOX - random.nextInt(4);
            h = BOX - random.nextInt(4);
        }
        float[] box = new float[w * h];
        switch (kind) {
            case SCRIBBLE -> scribble(box, w, h, random);
            case POLYGON -> polygon(box, w, h, random);
            case ELLIPSE -> ellipse(box, w, h, random);
            case LINES -> lines(box, w, h, random);
            case TEXTURE -> texture(box, w, h, random);
            case SMUDGE -> smudge(box, w, h, random);
        }
        return MnistPlacement.centreByMass(box, w, h);
    }

    /** A long random path: many turns, unlike the one to four strokes of a digit. */
    private static void scribble(float[] box, int w, int h, SplittableRandom random) {
        int points = 8 + random.nextInt(7);
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int k = 0; k < points; k++) {
            xs[k] = random.nextDouble();
            ys[k] = random.nextDouble();
        }
        stroke(box, w, h, path(xs, ys, false), strokeWidth(random));
    }

    /** A filled polygon or star, or a star's outline. */
    private static void polygon(float[] box, int w, int h, SplittableRandom random) {
        int corners = 3 + random.nextInt(6);
        boolean star = corners >= 5 && random.nextBoolean();
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        double turn = random.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < corners; k++) {
            double r = star && k % 2 == 1 ? 0.15 + 0.15 * random.nextDouble() : 0.5;
            double a = turn + 2 * Math.PI * (k + 0.3 * random.nextDouble()) / corners;
            xs[k] = 0.5 + r * Math.cos(a);
            ys[k] = 0.5 + r * Math.sin(a);
        }
        // Only a star is outlined: the outline of a convex polygon is a zero.
        if (star && random.nextBoolean()) {
            stroke(box, w, h, path(xs, ys, true), strokeWidth(random));
        } else {
            fill(box, w, h, (x, y) -> insidePolygon(xs, ys, x, y));
        }
    }

    /** A solid disc; never a ring, which would be a zero. */
    private static void ellipse(float[] box, int w, int h, SplittableRandom random) {
        fill(box, w, h, (x, y) -> Math.hypot(x - 0.5, y - 0.5) <= 0.5);
    }

    /**
     * Three to six straight bars at well-spread angles: asterisks, hashes, grids. Spread so no two
     * are nearly parallel, which could make a 1 or an 11.
     */
    private static void lines(float[] box, int w, int h, SplittableRandom random) {
        int count = 3 + random.nextInt(4);
        double base = random.nextDouble() * Math.PI;
        double[][] segments = new double[count][];
        for (int k = 0; k < count; k++) {
            double a = base + Math.PI * (k + 0.3 * (random.nextDouble() - 0.5)) / count;
            double cx = 0.5 + 0.3 * (random.nextDouble() - 0.5);
            double cy = 0.5 + 0.3 * (random.nextDouble() - 0.5);
            double dx = 0.5 * Math.cos(a), dy = 0.5 * Math.sin(a);
            segments[k] = new double[] {cx - dx, cy - dy, cx + dx, cy + dy};
        }
        stroke(box, w, h, segments, strokeWidth(random));
    }

    /** Pixel noise at some grain and density, as a scan of paper texture or static comes out of the normaliser. */
    private static void texture(float[] box, int w, int h, SplittableRandom random) {
        int grain = 1 + random.nextInt(3);
        double density = 0.15 + 0.7 * random.nextDouble();
        double level = 0.3 + 0.7 * random.nextDouble();
        double jitter = random.nextDouble() * 0.5;
        int gw = (w + grain - 1) / grain;
        int gh = (h + grain - 1) / grain;
        float[] cells = new float[gw * gh];
        for (int i = 0; i < cells.length; i++) {
            double v = random.nextDouble() < density ? level * (1 - jitter * random.nextDouble()) : 0;
            cells[i] = (float) v;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) box[y * w + x] = cells[(y / grain) * gw + x / grain];
        }
    }

    /** Soft overlapping blobs of ink, as a photo or a smear comes out of the normaliser. */
    private static void smudge(float[] box, int w, int h, SplittableRandom random) {
        int blobs = 2 + random.nextInt(6);
        double[][] c = new double[blobs][4];
        for (double[] b : c) {
            b[0] = random.nextDouble() * w;
            b[1] = random.nextDouble() * h;
            b[2] = 2 + random.nextDouble() * 6;
            b[3] = 0.4 + 0.6 * random.nextDouble();
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (double[] b : c) {
                    double d2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
                    v += b[3] * Math.exp(-d2);
                }
                box[y * w + x] = (float) Math.min(1, v);
            }
        }
    }

    /** MNIST strokes are 1.5 to 3.5 px wide at this scale. */
    private static double strokeWidth(SplittableRandom random) {
        return 1.2 + 2.6 * random.nextDouble();
    }

    /** The segments of the path through ({@code xs}, {@code ys}), as {x0, y0, x1, y1} rows. */
    private static double[][] path(double[] xs, double[] ys, boolean closed) {
        int n = xs.length;
        double[][] segments = new double[closed ? n : n - 1][];
        for (int s = 0; s < segments.length; s++) {
            segments[s] = new double[] {xs[s], ys[s], xs[(s + 1) % n], ys[(s + 1) % n]};
        }
        return segments;
    }

    /**
     * Draws {@code segments} (unit coordinates, rescaled together so the drawing spans the box) with
     * anti-aliased round ends, keeping the brightest ink where strokes cross.
     */
    private static void stroke(float[] box, int w, int h, double[][] segments, double width) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] g : segments) {
            minX = Math.min(minX, Math.min(g[0], g[2]));
            maxX = Math.max(maxX, Math.max(g[0], g[2]));
            minY = Math.min(minY, Math.min(g[1], g[3]));
            maxY = Math.max(maxY, Math.max(g[1], g[3]));
        }
        double margin = width / 2;
        double sx = (w - 2 * margin) / Math.max(maxX - minX, 1e-6);
        double sy = (h - 2 * margin) / Math.max(maxY - minY, 1e-6);
        for (double[] g : segments) {
            double x0 = margin + (g[0] - minX) * sx, y0 = margin + (g[1] - minY) * sy;
            double x1 = margin + (g[2] - minX) * sx, y1 = margin + (g[3] - minY) * sy;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = distanceToSegment(x + 0.5, y + 0.5, x0, y0, x1, y1);
                    float ink = (float) Math.max(0, Math.min(1, width / 2 + 0.5 - d));
                    int i = y * w + x;
                    if (ink > box[i]) box[i] = ink;
                }
            }
        }
    }

    private static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length2));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    private interface Region {
        boolean contains(double x, double y);
    }

    /** Fills the part of the box inside {@code region} (unit coordinates), anti-aliased by supersampling. */
    private static void fill(float[] box, int w, int h, Region region) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int inside = 0;
                for (int j = 0; j < SUPERSAMPLE; j++) {
                    for (int i = 0; i < SUPERSAMPLE; i++) {
                        double u = (x + (i + 0.5) / SUPERSAMPLE) / w;
                        double v = (y + (j + 0.5) / SUPERSAMPLE) / h;
                        if (region.contains(u, v)) inside++;
                    }
                }
                box[y * w + x] = Math.max(box[y * w + x], (float) inside / (SUPERSAMPLE * SUPERSAMPLE));
            }
        }
    }

    private static boolean insidePolygon(double[] xs, double[] ys, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) inside = !inside;
        }
        return inside;
    }
}
