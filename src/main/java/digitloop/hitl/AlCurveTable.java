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
    }

    /** A seed left out of a run's figures because it has fewer labels than the run's furthest seeds. */
    public record Behind(int seed, int labelsReached) {
    }

    /**
     * @param seeds      the seeds the figures are over: those that reached the run's furthest label count
     * @param labelsTo90 first label count whose mean accuracy is at least 90 %, or -1
     */
    public record Curve(String run, int seeds, List<Point> points, int labelsTo90, int labelsTo95, double errorAt1000,
                        List<Behind> behind) {
        public int labelsReached() { return points.isEmpty() ? 0 : points.get(points.size() - 1).labels(); }
    }

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
        int to90 = -1;
        int to95 = -1;
        double at1000 = Double.NaN;
        for (Map.Entry<Integer, List<Double>> e : byLabels.entrySet()) {
            List<Double> values = e.getValue();
            if (values.size() < seeds.size()) continue;
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            points.add(new Point(e.getKey(), mean, min, max, values.size()));
            if (to90 < 0 && mean >= 0.90) to90 = e.getKey();
            if (to95 < 0 && mean >= 0.95) to95 = e.getKey();
            if (e.getKey() == 1000) at1000 = 1 - mean;
        }
        return new Curve(run, seeds.size(), points, to90, to95, at1000, behind);
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
                + "| test error at 1,000 labels | Gal et al. 2017: to 95 % · error at 1,000 | seeds behind (labels so far) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Curve c : curves) {
            String behind = c.behind().isEmpty() ? "–" : String.join(", ", c.behind().stream()
                    .map(b -> "seed " + b.seed() + " (" + b.labelsReached() + ")").toList());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n", c.run(), c.seeds(), c.labelsReached(),
                    c.labelsTo90() < 0 ? "not reached" : Integer.toString(c.labelsTo90()),
                    c.labelsTo95() < 0 ? "not reached" : Integer.toString(c.labelsTo95()),
                    Double.isNaN(c.errorAt1000()) ? "not reached" : String.format(Locale.ROOT, "%.2f %%", c.errorAt1000() * 100),
                    published(c.run()), behind));
        }
        return md.toString();
    }
}
