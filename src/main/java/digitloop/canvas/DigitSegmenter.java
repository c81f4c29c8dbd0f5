package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits an image of several digits written left to right into one MNIST-style image per digit:
 * connected ink components (8-connectivity), specks dropped, components that overlap strongly in x
 * merged (the two strokes of a handwritten 4 or 5, the bar of a 7), each group normalised on its
 * own. Digits written one above the other are not separated: they overlap in x.
 */
public final class DigitSegmenter {
    /**
     * Pixels with at least this share of the image's strongest ink form components; fainter ones
     * are anti-aliasing fringe, which would bridge two digits written close together.
     */
    static final float CORE_SHARE = 0.3f;
    /** A component with fewer pixels than this share of the largest one is a speck (dust, a pen touch). */
    static final double SPECK_SHARE = 0.05;
    /** Components whose x ranges overlap by at least this share of the narrower one are one digit. */
    static final double X_OVERLAP = 0.5;

    private DigitSegmenter() {
    }

    /** The digits in {@code image}, left to right, each with its ink box in source pixels; empty when blank. */
    public static List<NormalizedImage> segment(BufferedImage image) {
        InkImage ink = PageInk.of(image);
        Components components = Components.label(ink);
        List<Group> groups = mergeOverlappingInX(dropSpecks(components.boxes(), ink.width() * ink.height()));
        List<NormalizedImage> digits = new ArrayList<>();
        for (Group group : groups) {
            crop(ink, components.labels(), group).ifPresent(digits::add);
        }
        return digits;
    }

    /** A component's or a group's bounding box (inclusive) and its pixel count. */
    record Extent(int minX, int minY, int maxX, int maxY, int pixels) {
        Extent union(Extent o) {
            return new Extent(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX),
                    Math.max(maxY, o.maxY), pixels + o.pixels);
        }

        int width() { return maxX - minX + 1; }

        boolean overlapsInX(Extent o) {
            int overlap = Math.min(maxX, o.maxX) - Math.max(minX, o.minX) + 1;
            return overlap >= X_OVERLAP * Math.min(width(), o.width());
        }
    }

    /** Components merged into one digit; {@code labels} are the component labels it holds (1-based). */
    record Group(Extent extent, List<Integer> labels) {
    }

    /**
     * Drops components that are small next to the largest, and any the normaliser would call blank
     * on their own in this image, so a lone speck gives no digit here either.
     */
    private static List<Group> dropSpecks(List<Extent> boxes, int area) {
        int largest = 0;
        for (Extent e : boxes) largest = Math.max(largest, e.pixels());
        double floor = Math.max(SPECK_SHARE * largest,
                Math.max(MnistNormalizer.MIN_INK_PIXELS, MnistNormalizer.MIN_INK_SHARE * area));
        List<Group> kept = new ArrayList<>();
        for (int k = 0; k < boxes.size(); k++) {
            if (boxes.get(k).pixels() >= floor) {
                kept.add(new Group(boxes.get(k), List.of(k + 1)));
            }
        }
        return kept;
    }

    /**
     * Merges until no two groups overlap in x (a merged box can reach a third group, hence the
     * loop); the result is sorted by left edge, which is reading order once no two overlap much.
     */
    static List<Group> mergeOverlappingInX(List<Group> groups) {
        List<Group> current = new ArrayList<>(groups);
        boolean merged = true;
        while (merged) {
            merged = false;
            current.sort(Comparator.comparingInt(g -> g.extent().minX()));
            for (int a = 0; a < current.size() && !merged; a++) {
                for (int b = a + 1; b < current.size() && !merged; b++) {
                    Group ga = current.get(a);
                    Group gb = current.get(b);
                    if (gb.extent().minX() > ga.extent().maxX()) break;
                    if (ga.extent().overlapsInX(gb.extent())) {
                        List<Integer> labels = new ArrayList<>(ga.labels());
                        labels.addAll(gb.labels());
                        current.set(a, new Group(ga.extent().union(gb.extent()), labels));
                        current.remove(b);
                        merged = true;
                    }
                }
            }
        }
        return current;
    }

    /**
     * The group's ink alone (a neighbour's stroke inside its box is left out), plus the faint fringe
     * touching it, normalised with its box reported in source pixels.
     */
    private static Optional<NormalizedImage> crop(InkImage ink, int[] labels, Group group) {
        int w = ink.width();
        int h = ink.height();
        boolean[] member = new boolean[maxLabel(group) + 1];
        for (int label : group.labels()) member[label] = true;
        Extent e = group.extent();
        int x0 = Math.max(0, e.minX() - 1);
        int y0 = Math.max(0, e.minY() - 1);
        int x1 = Math.min(w - 1, e.maxX() + 1);
        int y1 = Math.min(h - 1, e.maxY() + 1);
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        float[] out = new float[cw * ch];
        float[] v = ink.ink();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * w + x;
                boolean mine = belongs(labels[i], member)
                        || labels[i] == 0 && v[i] > 0 && touches(labels, member, x, y, w, h);
                if (mine) out[(y - y0) * cw + (x - x0)] = v[i];
            }
        }
        return MnistNormalizer.normalize(new InkImage(out, cw, ch, ink.inverted()), x0, y0);
    }

    private static int maxLabel(Group group) {
        int max = 0;
        for (int label : group.labels()) max = Math.max(max, label);
        return max;
    }

    private static boolean belongs(int label, boolean[] member) {
        return label > 0 && label < member.length && member[label];
    }

    private static boolean touches(int[] labels, boolean[] member, int x, int y, int w, int h) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && belongs(labels[ny * w + nx], member)) return true;
            }
        }
        return false;
    }

    /** 8-connected labelling of the strong ink: a label per pixel (0 = none) and an extent per label. */
    record Components(int[] labels, List<Extent> boxes) {
        static Components label(InkImage ink) {
            int w = ink.width();
            int h = ink.height();
            float[] v = ink.ink();
            float max = 0;
            for (float x : v) max = Math.max(max, x);
            float core = Math.max(Float.MIN_VALUE, CORE_SHARE * max);
            int[] labels = new int[w * h];
            int[] stack = new int[w * h];
            List<Extent> boxes = new ArrayList<>();
            for (int start = 0; start < labels.length; start++) {
                if (labels[start] != 0 || v[start] < core) continue;
                int label = boxes.size() + 1;
                int top = 0;
                stack[top++] = start;
                labels[start] = label;
                int minX = w, minY = h, maxX = -1, maxY = -1, pixels = 0;
                while (top > 0) {
                    int p = stack[--top];
                    int px = p % w;
                    int py = p / w;
                    pixels++;
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = py + dy;
                        if (ny < 0 || ny >= h) continue;
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = px + dx;
                            if (nx < 0 || nx >= w) continue;
                            int n = ny * w + nx;
                            // Each pixel is labelled when pushed, so the stack never exceeds w * h.
                            if (labels[n] == 0 && v[n] >= core) {
                                labels[n] = label;
                                stack[top++] = n;
                            }
                        }
                    }
                }
                boxes.add(new Extent(minX, minY, maxX, maxY, pixels));
            }
            return new Components(labels, boxes);
        }
    }
}
