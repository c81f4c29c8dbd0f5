package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits an image of several digits written left to right into one MNIST-style image per digit:
 * connected ink components (8-connectivity), specks dropped, components that overlap strongly in x
 * merged (the two strokes of a handwritten 4 or 5, the bar of a 7) unless both are full height
 * side by side (a 1 under a 7's long bar), groups much wider than tall cut at the columns of least
 * ink (digits that touch or overlap), dots dropped, each piece normalised on its own and returned in
 * reading order. Digits written one above the other are not separated: they overlap in x.
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
    /**
     * ... unless they overlap in y by at least this share of the shorter and the shorter is at least
     * {@link #TALL_SHARE} of the taller: then they are two digits side by side, not two strokes of one.
     */
    static final double Y_OVERLAP = 0.6;
    static final double TALL_SHARE = 0.5;
    /**
     * A group wider than this many times its height holds more than one digit: MNIST's digits are
     * at most about as wide as tall (a wide 2 or 7), two touching ones are about 1.4 times.
     */
    static final double SPLIT_ASPECT = 1.15;
    /**
     * Narrower groups down to this aspect are cut too, as an alternative only: two touching 1s, or
     * tall narrow digits, fill less than {@link #SPLIT_ASPECT}; a reader that can judge the parts decides.
     */
    static final double CANDIDATE_ASPECT = 0.85;
    /** Width of one digit, in heights, when a wide group is divided: MNIST's median is about 0.7. */
    static final double DIGIT_ASPECT = 0.72;
    /** A cut is sought this far (a share of one part's width) either side of the even division. */
    static final double CUT_WINDOW = 0.35;
    /** Cost of moving a cut away from the even division, against the column's separation (-1..1). */
    static final double CUT_DRIFT = 0.25;
    /** A piece whose longer side is under this share of the tallest piece is a dot or stray mark. */
    static final double DOT_SHARE = 0.3;

    private DigitSegmenter() {
    }

    /** The digits in {@code image}, left to right, each with its ink box in source pixels; empty when blank. */
    public static List<NormalizedImage> segment(BufferedImage image) {
        List<NormalizedImage> digits = new ArrayList<>();
        for (Segment segment : segmentWithAlternatives(image)) {
            if (segment.likelyCut()) digits.addAll(segment.parts()); else digits.add(segment.whole());
        }
        return digits;
    }

    /**
     * One ink group of the image, in reading order: {@code parts} are the digits the segmenter takes
     * it for, and when it cut a wide group into several, {@code whole} is the uncut group, so a
     * reader that can judge the parts (by how sure a model is of them) may prefer the whole.
     * {@code likelyCut} says the group is wide enough to be several digits by its shape alone.
     */
    public record Segment(NormalizedImage whole, List<NormalizedImage> parts, boolean likelyCut) {
        public Segment {
            parts = List.copyOf(parts);
        }

        public boolean isCut() { return parts.size() > 1; }
    }

    /** As {@link #segment}, keeping each cut group's uncut alternative. */
    public static List<Segment> segmentWithAlternatives(BufferedImage image) {
        InkImage ink = PageInk.of(image);
        Components components = Components.label(ink, CORE_SHARE);
        List<Group> groups = mergeOverlappingInX(dropSpecks(components.boxes(), ink.width() * ink.height()));
        groups = mergeFragments(groups, components, Components.label(ink, 0));
        List<List<Piece>> split = new ArrayList<>();
        List<Piece> all = new ArrayList<>();
        for (Group group : groups) {
            List<Piece> pieces = splitWide(ink, components.labels(), group);
            split.add(pieces);
            all.addAll(pieces);
        }
        List<Piece> kept = dropDots(all);
        List<Segment> segments = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<NormalizedImage> parts = new ArrayList<>();
            for (Piece piece : split.get(g)) {
                if (kept.contains(piece)) crop(ink, components.labels(), piece).ifPresent(parts::add);
            }
            if (parts.isEmpty()) continue;
            NormalizedImage whole = parts.size() == 1 ? parts.get(0)
                    : crop(ink, components.labels(), Piece.whole(groups.get(g))).orElse(parts.get(0));
            // Centres, not left edges: a 7's long bar may start left of the 1 written before it.
            parts.sort(Comparator.comparingDouble(d -> d.inkBox().centreX()));
            Extent e = groups.get(g).extent();
            segments.add(new Segment(whole, parts, parts.size() > 1 && e.width() > SPLIT_ASPECT * e.height()));
        }
        segments.sort(Comparator.comparingDouble(sg -> sg.whole().inkBox().centreX()));
        return segments;
    }

    /**
     * A stroke's faint stretch (a thin pen, a scan) breaks it into several strong components; two
     * groups joined by any ink are one digit when together they are still no wider than one digit
     * ({@link #SPLIT_ASPECT}). Two digits joined by their faint fringe stay apart: together they are wide.
     */
    static List<Group> mergeFragments(List<Group> groups, Components strong, Components loose) {
        List<Group> current = new ArrayList<>(groups);
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int a = 0; a < current.size() && !merged; a++) {
                for (int b = a + 1; b < current.size() && !merged; b++) {
                    Group ga = current.get(a);
                    Group gb = current.get(b);
                    Extent union = ga.extent().union(gb.extent());
                    if (union.width() > SPLIT_ASPECT * union.height() || ga.extent().sideBySide(gb.extent())) continue;
                    if (!joined(ga, gb, strong, loose)) continue;
                    List<Integer> labels = new ArrayList<>(ga.labels());
                    labels.addAll(gb.labels());
                    current.set(a, new Group(union, labels));
                    current.remove(b);
                    merged = true;
                }
            }
        }
        current.sort(Comparator.comparingInt(g -> g.extent().minX()));
        return current;
    }

    /** Whether some strong component of each lies in one component of all the ink. */
    private static boolean joined(Group a, Group b, Components strong, Components loose) {
        for (int la : a.labels()) {
            int ca = loose.labels()[strong.firstPixel()[la - 1]];
            for (int lb : b.labels()) {
                if (loose.labels()[strong.firstPixel()[lb - 1]] == ca) return true;
            }
        }
        return false;
    }

    /** A component's or a group's bounding box (inclusive) and its pixel count. */
    record Extent(int minX, int minY, int maxX, int maxY, int pixels) {
        Extent union(Extent o) {
            return new Extent(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX),
                    Math.max(maxY, o.maxY), pixels + o.pixels);
        }

        int width() { return maxX - minX + 1; }

        int height() { return maxY - minY + 1; }

        boolean overlapsInX(Extent o) {
            int overlap = Math.min(maxX, o.maxX) - Math.max(minX, o.minX) + 1;
            return overlap >= X_OVERLAP * Math.min(width(), o.width());
        }

        /** Two strokes of about full height next to each other: two digits even when they overlap in x. */
        boolean sideBySide(Extent o) {
            int shorter = Math.min(height(), o.height());
            int overlap = Math.min(maxY, o.maxY) - Math.max(minY, o.minY) + 1;
            return shorter >= TALL_SHARE * Math.max(height(), o.height()) && overlap >= Y_OVERLAP * shorter;
        }

        boolean oneDigitWith(Extent o) {
            return overlapsInX(o) && !sideBySide(o);
        }
    }

    /** A group, or the columns {@code fromX..toX} of it once a wide group has been cut. */
    record Piece(Group group, int fromX, int toX, Extent extent) {
        static Piece whole(Group group) {
            // One column beyond the ink either side, for the anti-aliasing fringe.
            return new Piece(group, group.extent().minX() - 1, group.extent().maxX() + 1, group.extent());
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
                    if (ga.extent().oneDigitWith(gb.extent())) {
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
     * A group much wider than tall is digits that touch or overlap: it is divided into as many
     * parts as digits of the usual aspect would fill, each cut near the even division at the column
     * that best separates two digits, and each part's box shrunk to the group's ink in it. Where two
     * digits meet, the ink lies deep between the page's top and bottom (the valley between two 0s'
     * tops and bottoms) and there is little of it; the middle of a loop has little ink too but reaches
     * both edges, so both count.
     */
    static List<Piece> splitWide(InkImage ink, int[] labels, Group group) {
        Extent e = group.extent();
        if (e.width() <= CANDIDATE_ASPECT * e.height()) return List.of(Piece.whole(group));
        int parts = Math.max(2, (int) Math.round(e.width() / (DIGIT_ASPECT * e.height())));
        boolean[] member = members(group);
        int w = ink.width();
        int[] column = new int[e.width()];
        int[] top = new int[e.width()];
        int[] bottom = new int[e.width()];
        Arrays.fill(top, e.maxY() + 1);
        Arrays.fill(bottom, e.minY() - 1);
        for (int y = e.minY(); y <= e.maxY(); y++) {
            for (int x = e.minX(); x <= e.maxX(); x++) {
                if (!belongs(labels[y * w + x], member)) continue;
                int c = x - e.minX();
                column[c]++;
                top[c] = Math.min(top[c], y);
                bottom[c] = Math.max(bottom[c], y);
            }
        }
        double[] separation = new double[e.width()];
        for (int c = 0; c < e.width(); c++) {
            double depth = column[c] == 0 ? 1 : (double) (top[c] - e.minY() + e.maxY() - bottom[c]) / e.height();
            separation[c] = depth - (double) column[c] / e.height();
        }
        double part = (double) e.width() / parts;
        int[] cuts = new int[parts + 1];
        cuts[0] = 0;
        cuts[parts] = e.width();
        for (int k = 1; k < parts; k++) {
            double even = k * part;
            int from = Math.max(cuts[k - 1] + 1, (int) Math.ceil(even - CUT_WINDOW * part));
            int to = Math.min(e.width() - 1, (int) Math.floor(even + CUT_WINDOW * part));
            int best = (int) Math.round(even);
            double bestCost = Double.MAX_VALUE;
            for (int x = from; x <= to; x++) {
                double cost = -separation[x] + CUT_DRIFT * Math.abs(x - even) / part;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = x;
                }
            }
            cuts[k] = Math.max(cuts[k - 1] + 1, best);
        }
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            int fromX = e.minX() + cuts[k];
            int toX = e.minX() + cuts[k + 1] - 1;
            if (toX < fromX) continue;
            inkExtent(labels, member, w, e, fromX, toX).ifPresent(x -> pieces.add(new Piece(group, fromX, toX, x)));
        }
        return pieces;
    }

    /** The box of the group's ink in columns {@code fromX..toX}, or empty when there is none. */
    private static Optional<Extent> inkExtent(int[] labels, boolean[] member, int w, Extent e, int fromX, int toX) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, pixels = 0;
        for (int y = e.minY(); y <= e.maxY(); y++) {
            for (int x = fromX; x <= toX; x++) {
                if (!belongs(labels[y * w + x], member)) continue;
                pixels++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return pixels == 0 ? Optional.empty() : Optional.of(new Extent(minX, minY, maxX, maxY, pixels));
    }

    /**
     * Drops pieces small in both directions next to the tallest (a full stop, a pen touch, the
     * sliver a cut may leave): a small digit is still about half as tall as a big one.
     */
    static List<Piece> dropDots(List<Piece> pieces) {
        int tallest = 0;
        for (Piece p : pieces) tallest = Math.max(tallest, p.extent().height());
        List<Piece> kept = new ArrayList<>();
        for (Piece p : pieces) {
            if (Math.max(p.extent().width(), p.extent().height()) >= DOT_SHARE * tallest) kept.add(p);
        }
        return kept;
    }

    private static boolean[] members(Group group) {
        boolean[] member = new boolean[maxLabel(group) + 1];
        for (int label : group.labels()) member[label] = true;
        return member;
    }

    /**
     * The piece's ink alone (a neighbour's stroke inside its box is left out), plus the faint fringe
     * touching it, normalised with its box reported in source pixels.
     */
    private static Optional<NormalizedImage> crop(InkImage ink, int[] labels, Piece piece) {
        int w = ink.width();
        int h = ink.height();
        boolean[] member = members(piece.group());
        Extent e = piece.extent();
        int x0 = Math.max(Math.max(0, piece.fromX()), e.minX() - 1);
        int y0 = Math.max(0, e.minY() - 1);
        int x1 = Math.min(Math.min(w - 1, piece.toX()), e.maxX() + 1);
        int y1 = Math.min(h - 1, e.maxY() + 1);
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        float[] out = new float[cw * ch];
        float[] v = ink.ink();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * w + x;
                boolean mine = belongs(labels[i], member)
                        || labels[i] == 0 && v[i] > 0 && touches(labels, member, x, y, w, h, piece.fromX(), piece.toX());
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

    private static boolean touches(int[] labels, boolean[] member, int x, int y, int w, int h, int fromX, int toX) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= Math.max(0, fromX) && ny >= 0 && nx <= Math.min(w - 1, toX) && ny < h && belongs(labels[ny * w + nx], member)) return true;
            }
        }
        return false;
    }

    /** 8-connected labelling of the strong ink: a label per pixel (0 = none) and an extent per label. */
    record Components(int[] labels, List<Extent> boxes, int[] firstPixel) {
        /** Components of the pixels with at least {@code share} of the strongest ink (any ink at 0). */
        static Components label(InkImage ink, float share) {
            int w = ink.width();
            int h = ink.height();
            float[] v = ink.ink();
            float max = 0;
            for (float x : v) max = Math.max(max, x);
            float core = Math.max(Float.MIN_VALUE, share * max);
            int[] first = new int[16];
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
                if (boxes.size() == first.length) first = Arrays.copyOf(first, first.length * 2);
                first[boxes.size()] = start;
                boxes.add(new Extent(minX, minY, maxX, maxY, pixels));
            }
            return new Components(labels, boxes, Arrays.copyOf(first, boxes.size()));
        }
    }
}
