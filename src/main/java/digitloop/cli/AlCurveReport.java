package digitloop.cli;

import digitloop.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The al-curve table and PNG, built from whatever per-(strategy, seed) CSVs exist. */
final class AlCurveReport {
    private AlCurveReport() {
    }

    static void write(Path folder) throws IOException {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("| run | seeds | labels reached | labels to 90 % | labels to 95 % | test error at 1,000 |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Path>> run : AlCurveCommand.csvsByRun(folder).entrySet()) {
            TreeMap<Integer, List<Double>> byLabels = new TreeMap<>();
            for (Path csv : run.getValue()) {
                for (String[] row : AlCurveCommand.readRows(csv)) {
                    byLabels.computeIfAbsent(Integer.parseInt(row[0]), k -> new ArrayList<>()).add(Double.parseDouble(row[1]));
                }
            }
            int seeds = run.getValue().size();
            List<double[]> rows = new ArrayList<>();
            Integer to90 = null;
            Integer to95 = null;
            Double at1000 = null;
            int reached = 0;
            for (Map.Entry<Integer, List<Double>> e : byLabels.entrySet()) {
                // Only label counts that every seed has reached, so the mean compares like with like.
                if (e.getValue().size() < seeds) continue;
                double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double min = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                rows.add(new double[] {e.getKey(), mean, min, max});
                reached = e.getKey();
                if (to90 == null && mean >= 0.90) to90 = e.getKey();
                if (to95 == null && mean >= 0.95) to95 = e.getKey();
                if (e.getKey() == 1000) at1000 = 1 - mean;
            }
            curves.put(run.getKey() + " (" + seeds + " seeds)", rows.toArray(new double[0][]));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", run.getKey(), seeds, reached,
                    to90 == null ? "not reached" : to90.toString(), to95 == null ? "not reached" : to95.toString(),
                    at1000 == null ? "not reached" : String.format(Locale.ROOT, "%.2f %%", at1000 * 100)));
        }
        AtomicFiles.write(folder.resolve("table.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        if (!curves.isEmpty()) ExperimentCharts.alCurve(curves, folder.resolve("curve.png"));
    }
}
