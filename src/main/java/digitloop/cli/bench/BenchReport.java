package digitloop.cli.bench;

import digitloop.files.AppHome;
import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.files.AtomicWrite;
import digitloop.model.Classifier;
import digitloop.model.Json;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** Runs every benchmark, pairs each with its reference figure, and renders the table. */
public final class BenchReport {
    private final DatasetStore store;
    private final boolean quick;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Map<String, String> machine;
    private double seconds;

    public BenchReport(DatasetStore store, boolean quick) {
        this.store = store;
        this.quick = quick;
    }

    /** The child's side: measure the paired quantities under whatever backend this JVM has. */
    public void writeReferenceMeasurements(Path out) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        Digits train = store.train();
        for (Map.Entry<String, DoubleSupplier> e : new Measurements(train, quick).paired().entrySet()) {
            values.put(e.getKey(), e.getValue().getAsDouble());
        }
        Classifier cnn = Measurements.untrainedCnn();
        Digits pool = train.head(quick ? 1000 : 5000);
        values.put(Measurements.SCORE_RATE, pool.size() / Measurements.entropyScoringSeconds(cnn, pool));
        values.putAll(CanvasLatency.measure(cnn, quick ? 50 : 200));
        AtomicWrite.write(out, Json.mapper().writeValueAsBytes(values));
    }

    /** A memory child's side: see {@link MemoryUse}. */
    public static void measureMemory(String job, DatasetStore store, boolean quick, Path out) throws IOException {
        MemoryUse.measure(job, store, quick, out);
    }

    public void run(boolean withReference, boolean withGui, boolean withJmh, PrintStream log) throws Exception {
        long start = System.nanoTime();
        machine = MachineInfo.describe();
        Map<String, Double> reference = Map.of();
        if (withReference) {
            log.println("Reference run (DL4J defaults, child JVM)...");
            reference = ReferenceRun.run(quick);
        }
        Digits train = store.train();
        log.println("Fast path (" + machine.get("native build") + ")...");
        Map<String, String> targets = Map.of(
                Measurements.LENET_TRAIN, "≥ 6× reference",
                Measurements.CNN_TRAIN, "≥ 6× reference",
                Measurements.CNN_EVAL, "≥ 10× reference",
                Measurements.LENET_EVAL, "≥ 15,000 img/s");
        for (Map.Entry<String, DoubleSupplier> e : new Measurements(train, quick).paired().entrySet()) {
            Figure f = Figure.of(e.getKey(), e.getValue().getAsDouble(), "img/s", true, targets.getOrDefault(e.getKey(), ""));
            figures.add(pair(f, reference.get(e.getKey())));
            log.println("  " + e.getKey() + ": " + f.formatValue(f.value()));
        }
        addArithmeticRates(log);
        Classifier cnn = defaultCnnOrUntrained();
        notes.add(InferenceLayouts.measure(cnn.network(), store.test(), quick ? 8 : 40));
        Map<String, Double> canvas = CanvasLatency.measure(cnn, quick ? 50 : 500);
        figures.add(pair(Figure.of(CanvasLatency.P50, canvas.get(CanvasLatency.P50), "ms", false, ""), reference.get(CanvasLatency.P50)));
        figures.add(pair(Figure.of(CanvasLatency.P95, canvas.get(CanvasLatency.P95), "ms", false, "≤ 5 ms"), reference.get(CanvasLatency.P95)));

        Digits pool = train.head(quick ? 5000 : 50_000);
        double scoring = Measurements.entropyScoringSeconds(cnn, pool);
        Double scoringRef = reference.containsKey(Measurements.SCORE_RATE) ? pool.size() / reference.get(Measurements.SCORE_RATE) : null;
        figures.add(pair(Figure.of("entropy scoring of " + String.format(Locale.ROOT, "%,d", pool.size()) + " pool images (s)",
                scoring, "s", false, quick ? "" : "≤ 15 s"), scoringRef));
        if (scoringRef != null) notes.add("The reference pool-scoring time is its measured rate on 5,000 images scaled to the pool size.");

        Path cnnFile = AppHome.resolve("models", "cnn.zip");
        if (Files.isRegularFile(cnnFile)) {
            log.println("One review round of the default CNN (50 margin labels, the app's fine-tune)...");
            Map<String, Double> phases = ReviewRoundPhases.measure(ModelFile.load(cnnFile), train, store.test());
            for (Map.Entry<String, Double> p : phases.entrySet()) {
                String target = p.getKey().startsWith("Retrain to the result") ? "≤ 45 s" : p.getKey().startsWith("Retrain to the next") ? "≤ 30 s" : "";
                figures.add(Figure.of("review round: " + p.getKey() + " (s)", p.getValue(), "s", false, target));
            }
        }
        if (!quick) {
            TimeToAccuracy.Result t = TimeToAccuracy.measure(store);
            figures.add(Figure.of("fresh start to 99.0 % test accuracy (s)", t.seconds(), "s", false, "≤ 90 s"));
            notes.add(t.describe());
        }
        if (withGui) {
            StartupTime.Result s = StartupTime.measure();
            if (s != null) {
                figures.add(Figure.of("launch to window visible (s)", s.windowSeconds(), "s", false, "≤ 2 s"));
                figures.add(Figure.of("launch to engine ready (s)", s.engineSeconds(), "s", false, ""));
                if (s.idleMiB() > 0) {
                    figures.add(Figure.of("resident, the app idle 20 s after its engine was ready (MiB)", s.idleMiB(), "MiB", false, "≤ 1,536 MiB"));
                    figures.add(Figure.of("resident peak of the app's start-up and first evaluation (MiB)", s.peakMiB(), "MiB", false, ""));
                }
            } else {
                notes.add("Start-up time not measured: no display (run under xvfb-run) or the app did not report.");
            }
        }
        log.println("Resident size (child JVMs with the launcher's JVM options)...");
        Map<String, Double> training = MemoryUse.run(MemoryUse.TRAIN, quick);
        Map<String, Double> scoringMemory = MemoryUse.run(MemoryUse.SCORE, quick);
        figures.add(Figure.of("resident peak, one epoch of the default CNN (MiB)", training.get(MemoryUse.PEAK), "MiB", false, "≤ 4,096 MiB"));
        figures.add(Figure.of("resident peak, scoring " + (quick ? "5,000" : "50,000") + " pool images (MiB)", scoringMemory.get(MemoryUse.PEAK),
                "MiB", false, ""));
        notes.add(String.format(Locale.ROOT, "Heap peaks in the same child JVMs: training %.0f MiB, scoring %.0f MiB; the rest of the "
                + "resident size is ND4J's off-heap arrays, the native libraries and the JVM itself.", training.get(MemoryUse.HEAP),
                scoringMemory.get(MemoryUse.HEAP)));
        if (withJmh) notes.addAll(Micro.run(quick));
        figures.add(Figure.of("peak heap (MiB)", peakHeapMiB(), "MiB", false, ""));
        seconds = (System.nanoTime() - start) / 1e9;
        log.println();
        log.print(table());
    }

    /**
     * The paired throughputs of LeNet and the default CNN as GFLOP/s, beside the machine's peak on paper
     * and a large matrix product measured now: how far the engine is from what the cores can do.
     */
    private void addArithmeticRates(PrintStream log) {
        MachinePeak peak = MachinePeak.measure(quick ? 3 : 10);
        Map<String, FlopCount> counts = Map.of(
                Measurements.LENET_TRAIN, FlopCount.of(digitloop.model.NetworkFactory.build(digitloop.model.LeNetSpec.DEFAULT, 28, 1, 1e-3), 28),
                Measurements.CNN_TRAIN, FlopCount.of(digitloop.model.NetworkFactory.build(digitloop.model.CnnSpec.DEFAULT, 28, 1, 1e-3), 28));
        List<String> distances = new ArrayList<>();
        Map<String, String> evaluationOf = new LinkedHashMap<>();
        evaluationOf.put(Measurements.LENET_TRAIN, Measurements.LENET_EVAL);
        evaluationOf.put(Measurements.CNN_TRAIN, Measurements.CNN_EVAL);
        figures.add(Figure.of("single-precision matrix product 1,024² (GFLOP/s, measured)", peak.gemmGflops(), "GFLOP/s", true, ""));
        if (peak.nominalGflops() > 0) figures.add(Figure.of("peak on paper (GFLOP/s)", peak.nominalGflops(), "GFLOP/s", true, ""));
        for (Map.Entry<String, String> e : evaluationOf.entrySet()) {
            FlopCount count = counts.get(e.getKey());
            for (String rate : List.of(e.getKey(), e.getValue())) {
                Figure f = figures.stream().filter(x -> x.name().equals(rate)).findFirst().orElse(null);
                if (f == null) continue;
                double perImage = rate.equals(e.getKey()) ? count.training() : count.forward();
                double gflops = MachinePeak.gflops(f.value(), perImage);
                String name = rate.replace("(img/s)", "(GFLOP/s)");
                figures.add(Figure.of(name, gflops, "GFLOP/s", true, ""));
                distances.add(String.format(Locale.ROOT, "%s %.0f %%%s", rate.replace(" (img/s)", ""), 100 * gflops / peak.gemmGflops(),
                        peak.nominalGflops() > 0 ? String.format(Locale.ROOT, " (%.0f %% of paper)", 100 * gflops / peak.nominalGflops()) : ""));
                log.println("  " + name + ": " + f.formatValue(gflops));
            }
        }
        notes.add(String.format(Locale.ROOT, "Arithmetic: LeNet %.2f MFLOP and the default CNN %.1f MFLOP per image forward (convolutions and "
                        + "dense layers, a multiply-add counted as two; training counted as 3×). Peak on paper: %s = %.0f GFLOP/s; a 1,024² "
                        + "single-precision matrix product through ND4J measured %.0f GFLOP/s in this run.",
                counts.get(Measurements.LENET_TRAIN).forward() / 1e6, counts.get(Measurements.CNN_TRAIN).forward() / 1e6, peak.basis(),
                peak.nominalGflops(), peak.gemmGflops()));
        notes.add("Share of the measured matrix product: " + String.join("; ", distances) + ".");
    }

    private static Figure pair(Figure f, Double reference) {
        return reference == null ? f : f.withReference(reference);
    }

    private Classifier defaultCnnOrUntrained() {
        Path file = AppHome.resolve("models", "cnn.zip");
        if (Files.isRegularFile(file)) {
            LoadedModel model = ModelFile.load(file);
            return model.classifier();
        }
        notes.add("models/cnn.zip was missing: canvas latency and scoring used an untrained default CNN (same cost).");
        return Measurements.untrainedCnn();
    }

    static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak / (1024.0 * 1024.0);
    }

    String table() {
        StringBuilder s = new StringBuilder();
        s.append("| measure | DigitLoop | reference (DL4J defaults) | ratio | target |\n");
        s.append("|---|---:|---:|---:|---|\n");
        for (Figure f : figures) {
            Double ratio = f.ratio();
            s.append("| ").append(f.name()).append(" | ").append(f.formatValue(f.value()))
                    .append(" | ").append(f.reference() == null ? "—" : f.formatValue(f.reference()))
                    .append(" | ").append(ratio == null ? "—" : String.format(Locale.ROOT, "%.1f×", ratio))
                    .append(" | ").append(f.target()).append(" |\n");
        }
        return s.toString();
    }

    public void writeMarkdown(Path out, String command) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured by `").append(command).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(String.format(Locale.ROOT,
                        " (%.0f s in all). The reference column is the same measurement in a child JVM with DL4J's defaults "
                                + "(generic native build, layer helpers off, OpenMP threads unpinned), run in the same bench run; "
                                + "ratios are faster-is-higher. The machine is shared, so absolute figures vary between runs; the ratios "
                                + "are the comparable part.\n\n", seconds));
        md.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Results\n\n").append(table()).append('\n');
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        Path manual = out.resolveSibling("benchmarks-notes.md");
        if (Files.isRegularFile(manual)) md.append(Files.readString(manual));
        AtomicWrite.write(out, md.toString().getBytes(StandardCharsets.UTF_8));
    }
}
