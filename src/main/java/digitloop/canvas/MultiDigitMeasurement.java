package digitloop.canvas;

import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How well {@link NumberReader} reads rows of real MNIST test digits ({@link DigitRows}): each
 * predicted box is matched to a placed one by intersection over union, one to one, best pairs
 * first, and only a pair with IoU of at least {@value #MATCH_IOU} counts as the same digit.
 */
public final class MultiDigitMeasurement {
    public static final double MATCH_IOU = 0.5;

    /** What to measure: rows of {@code minDigits..maxDigits} digits, {@code rows} of each spacing. */
    public record Plan(int rows, int minDigits, int maxDigits, List<DigitRows.Spacing> spacings, long seed) {
        public Plan {
            if (rows < 1) throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
            if (minDigits < 1 || maxDigits < minDigits) {
                throw new IllegalArgumentException("digits per row must be 1 or more, got " + minDigits + "-" + maxDigits);
            }
            spacings = List.copyOf(spacings);
        }
    }

    /** Counts over a set of rows. */
    public static final class Tally {
        int rows;
        int exact;
        int exactAnswered;
        int rightCount;
        int placed;
        int found;
        int right;
        int answered;
        int answeredRight;
        double iouSum;
        double ms;

        void add(DigitRows.Row row, NumberReading reading) {
            rows++;
            ms += reading.ms();
            List<DigitRows.Placed> truth = row.digits();
            List<DigitReading> got = reading.digits();
            placed += truth.size();
            found += got.size();
            if (got.size() == truth.size()) rightCount++;
            StringBuilder guesses = new StringBuilder();
            for (DigitReading d : got) guesses.append((char) ('0' + d.prediction().bestGuess()));
            if (guesses.toString().equals(row.number())) exact++;
            if (reading.number().equals(row.number())) exactAnswered++;
            int[] match = match(truth, got);
            for (int t = 0; t < truth.size(); t++) {
                if (match[t] < 0) continue;
                DigitReading d = got.get(match[t]);
                iouSum += iou(truth.get(t).box(), d.box());
                if (d.prediction().bestGuess() == truth.get(t).label()) right++;
                if (d.answered()) {
                    answered++;
                    if (d.label() == truth.get(t).label()) answeredRight++;
                }
            }
        }

        public int rows() { return rows; }

        /** Rows whose most probable digits, in order, are the number written (and no digit more or less). */
        public double exactRate() { return share(exact, rows); }

        /** Rows read exactly with every digit answered, none "not sure". */
        public double exactAnsweredRate() { return share(exactAnswered, rows); }

        /** Rows where the segmenter found as many digits as were written. */
        public double countRate() { return share(rightCount, rows); }

        /** Placed digits matched to a box whose most probable digit is theirs. */
        public double digitAccuracy() { return share(right, placed); }

        /** Placed digits matched to a box and answered (not "not sure"). */
        public double answeredShare() { return share(answered, placed); }

        /** Of the answered matched digits, the share answered right. */
        public double answeredPrecision() { return share(answeredRight, answered); }

        /** IoU of each placed box with its match, 0 when unmatched. */
        public double meanIou() { return placed == 0 ? 0 : iouSum / placed; }

        public int placed() { return placed; }

        public int found() { return found; }

        public double msPerRow() { return rows == 0 ? 0 : ms / rows; }

        private static double share(int n, int of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }

    /** Tallies by spacing and, within a spacing, by digits per row. */
    public record Result(Plan plan, Map<DigitRows.Spacing, Tally> bySpacing, Map<DigitRows.Spacing, Map<Integer, Tally>> byLength,
                         double seconds) {
    }

    private MultiDigitMeasurement() {
    }

    /** Reads {@code plan.rows()} rows per spacing built from {@code test}, MNIST's test set. */
    public static Result run(Digits test, NumberReader reader, Plan plan, CancellationToken cancel) {
        long start = System.nanoTime();
        Map<DigitRows.Spacing, Tally> bySpacing = new EnumMap<>(DigitRows.Spacing.class);
        Map<DigitRows.Spacing, Map<Integer, Tally>> byLength = new EnumMap<>(DigitRows.Spacing.class);
        for (DigitRows.Spacing spacing : plan.spacings()) {
            // One stream per spacing, so adding a spacing leaves the other's rows as they were.
            SplittableRandom random = new SplittableRandom(plan.seed() * 31 + spacing.ordinal());
            Tally all = new Tally();
            Map<Integer, Tally> lengths = new TreeMap<>();
            for (int r = 0; r < plan.rows(); r++) {
                cancel.throwIfCancelled();
                int count = plan.minDigits() + random.nextInt(plan.maxDigits() - plan.minDigits() + 1);
                DigitRows.Row row = DigitRows.make(test, count, spacing, random);
                NumberReading reading = reader.read(row.image());
                all.add(row, reading);
                lengths.computeIfAbsent(count, c -> new Tally()).add(row, reading);
            }
            bySpacing.put(spacing, all);
            byLength.put(spacing, lengths);
        }
        return new Result(plan, bySpacing, byLength, (System.nanoTime() - start) / 1e9);
    }

    /** For each placed box the index of its predicted box, or -1: greedy by IoU, one to one. */
    static int[] match(List<DigitRows.Placed> truth, List<DigitReading> got) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int g = 0; g < got.size(); g++) {
                double v = iou(truth.get(t).box(), got.get(g).box());
                if (v >= MATCH_IOU) pairs.add(new double[] {v, t, g});
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        int[] match = new int[truth.size()];
        Arrays.fill(match, -1);
        boolean[] used = new boolean[got.size()];
        for (double[] p : pairs) {
            int t = (int) p[1];
            int g = (int) p[2];
            if (match[t] < 0 && !used[g]) {
                match[t] = g;
                used[g] = true;
            }
        }
        return match;
    }

    static double iou(NormalizedImage.Box a, NormalizedImage.Box b) {
        long ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        long iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        long inter = ix * iy;
        long union = (long) a.width() * a.height() + (long) b.width() * b.height() - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
