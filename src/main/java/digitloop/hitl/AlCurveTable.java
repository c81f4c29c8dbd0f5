package digitloop.hitl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The al-curve results from whatever per-(strategy, seed) logs exist in a folder: one curve per run
 * (strategy, with or without a noisy oracle) with the mean and the min-max over seeds, and the
 * figures of Gal et al.'s table: labels needed to reach 90 % and 95 % test accuracy, error at 1,000.
 * A long run is done in parts, so some seeds of a run may still be short of the others: the figures
 * use only the seeds that got furthest, and the rest are listed as behind, so a seed just started
 * neither hides the finished seeds' figures nor drags the mean with a few early rounds.
 */
public final class AlCurveTable {
    private static final Pattern FILE = Pattern.compile("(.+)-seed(\\d+)\\.csv");

    /** Test accuracy at one label count over the seeds that reached it. */
    public record Point(int labels, double mean, double min, double max, int seeds) {
    }

    /** One seed's log, as read from {@code <run>-seed<seed>.csv}. */
    public record SeedLog(int seed, List<AlCurveLog.Round> rounds) {
        int labelsReached() { return rounds.get(rounds.size() - 1).labels(); }

        /** This seed alone as a curve, so its figures come from the same {@link Figures#of} as the mean's. */
        List<Point> points() {
            return rounds.stream().map(r -> new Point(r.labels(), r.testAccuracy(), r.testAccuracy(), r.testAccuracy(), 1)).toList();
        }
    }

    /** A seed left out of a run's figures because it has fewer labels than the run's furthest seeds. */
    public record Behind(int seed, int labelsReached) {
    }

    /**
     * Gal et al.'s figures for one curve (a run's mean, or one seed alone).
     *
     * @param labelsTo90  first label count whose accuracy is at least 90 %, or -1
     * @param errorAt1000 test error at 1,000 labels, NaN if not reached
     * @param mid         mean test accuracy from {@value #MID_FROM} to {@value #MID_TO} labels, NaN if not reached:
     *                    where the strategies part ways, so it ranks them where one threshold can hide it
     */
    public record Figures(int labelsTo90, int labelsTo95, double errorAt1000, double mid) {
        static Figures of(List<Point> points) {
            int to90 = -1;
            int to95 = -1;
            double at1000 = Double.NaN;
            double midSum = 0;
            int midCount = 0;
            for (Point p : points) {
                if (to90 < 0 && p.mean() >= 0.90) to90 = p.labels();
                if (to95 < 0 && p.mean() >= 0.95) to95 = p.labels();
                if (p.labels() == 1000) at1000 = 1 - p.mean();
                if (p.labels() >= MID_FROM && p.labels() <= MID_TO) {
                    midSum += p.mean();
                    midCount++;
                }
            }
            boolean midReached = !points.isEmpty() && points.get(points.size() - 1).labels() >= MID_TO;
            return new Figures(to90, to95, at1000, midReached && midCount > 0 ? midSum / midCount : Double.NaN);
        }
    }

    /** One used seed's own figures, to show how far the seeds agree. */
    public record SeedFigures(int seed, Figures figures) {
    }

    /**
     * @param seeds   the seeds the figures are over: those that reached the run's furthest label count
     * @param figures the figures of the mean curve over those seeds
     */
    public record Curve(String run, int seeds, List<Point> points, Figures figures, List<SeedFigures> perSeed,
                        List<Behind> behind) {
        public int labelsReached() { return points.isEmpty() ? 0 : points.get(points.size() - 1).labels(); }
    }

    public static final int MID_FROM = 150;
    public static final int MID_TO = 400;

    private AlCurveTable() {
    }

    public static List<Curve> read(Path folder) throws IOException {
        Map<String, List<SeedLog>> byRun = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.sorted().toList()) {
                    Matcher m = FILE.matcher(p.getFileName().toString());
                    if (!m.matches()) continue;
                    List<AlCurveLog.Round> rounds = AlCurveLog.read(p);
                    if (!rounds.isEmpty()) {
                        byRun.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new SeedLog(Integer.parseInt(m.group(2)), rounds));
                    }
                }
            }
        }
        List<Curve> curves = new ArrayList<>();
        byRun.forEach((run, seeds) -> curves.add(curve(run, seeds)));
        return curves;
    }

    static Curve curve(String run, List<SeedLog> logs) {
        int furthest = logs.stream().mapToInt(SeedLog::labelsReached).max().orElseThrow();
        List<SeedLog> seeds = logs.stream().filter(l -> l.labelsReached() == furthest).toList();
        List<Behind> behind = logs.stream().filter(l -> l.labelsReached() < furthest)
                .map(l -> new Behind(l.seed(), l.labelsReached())).toList();
        TreeMap<Integer, List<Double>> byLabels = new TreeMap<>();
        for (SeedLog log : seeds) {
            for (AlCurveLog.Round r : log.rounds()) byLabels.computeIfAbsent(r.labels(), k -> new ArrayList<>()).add(r.testAccuracy());
        }
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Integer, List<Double>> e : byLabels.entrySet()) {
            List<Double> values = e.getValue();
            if (values.size() < seeds.size()) continue;
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            points.add(new Point(e.getKey(), mean, min, max, values.size()));
        }
        List<SeedFigures> perSeed = seeds.stream().map(s -> new SeedFigures(s.seed(), Figures.of(s.points()))).toList();
        return new Curve(run, seeds.size(), points, Figures.of(points), perSeed, behind);
    }

    /** Gal et al. (2017), as quoted in issue 5: labels to 95 % and error at 1,000 labels; a dash where not quoted. */
    static String published(String run) {
        return switch (run) {
            case "random" -> "835 · 4.66 %";
            case "entropy" -> "355 · 1.74 %";
            case "bald" -> "335 · –";
            case "variation_ratios" -> "295 · –";
            default -> "–";
        };
    }

    public static String markdown(List<Curve> curves) {
        StringBuilder md = new StringBuilder("| run | seeds | labels reached | labels to 90 % | labels to 95 % "
                + "| test error at 1,000 labels | mean accuracy " + MID_FROM + "–" + MID_TO + " labels "
                + "| per seed: to 95 % · error at 1,000 · mean " + MID_FROM + "–" + MID_TO
                + " | Gal et al. 2017: to 95 % · error at 1,000 | seeds behind (labels so far) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Curve c : curves) {
            Figures f = c.figures();
            String perSeed = String.join("; ", c.perSeed().stream().map(s -> "seed " + s.seed() + ": "
                    + labels(s.figures().labelsTo95()) + " · " + percent(s.figures().errorAt1000()) + " · "
                    + percent(s.figures().mid())).toList());
            String behind = c.behind().isEmpty() ? "–" : String.join(", ", c.behind().stream()
                    .map(b -> "seed " + b.seed() + " (" + b.labelsReached() + ")").toList());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", c.run(), c.seeds(),
                    c.labelsReached(), labels(f.labelsTo90()), labels(f.labelsTo95()), percent(f.errorAt1000()),
                    percent(f.mid()), perSeed, published(c.run()), behind));
        }
        return md.toString();
    }

    private static String labels(int count) {
        return count < 0 ? "not reached" : Integer.toString(count);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "not reached" : String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}
