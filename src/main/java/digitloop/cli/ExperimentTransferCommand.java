package digitloop.cli;

import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.Evaluator;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import digitloop.train.TransferStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code experiment transfer}: the default CNN's weights against a fresh network on two other tasks, at
 * three sizes of training set, by each transfer strategy.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"For each target task (noise of σ 0.3, 14×14) and each training-set size, trains the --source model's "
                + "architecture from scratch and transfers the source by each strategy (full, head, gradual), then measures test "
                + "accuracy on the target's 10,000 test images and the training time. Every finished run is written to --json "
                + "at once: the same command resumes after the last one. Writes the table between the markers of --out."})
public final class ExperimentTransferCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- transfer table: begin -->";
    static final String END = "<!-- transfer table: end -->";
    static final String SCRATCH = "scratch";
    static final int HELD_OUT = 6000;
    static final int VALIDATION = 2000;

    enum Target {
        NOISE("noise σ 0.3", Degradation.noise(0.3)), SMALL("14×14", Degradation.downsampled());

        final String label;
        final Degradation degradation;

        Target(String label, Degradation degradation) {
            this.label = label;
            this.degradation = degradation;
        }
    }

    @Option(names = "--source", description = "Source model (default: ${DEFAULT-VALUE}).")
    Path source = AppHome.resolve("models", "cnn.zip");

    @Option(names = "--targets", split = ",", description = "Target tasks: ${COMPLETION-CANDIDATES} (default: NOISE,SMALL).")
    List<Target> targets = List.of(Target.NOISE, Target.SMALL);

    @Option(names = "--sizes", split = ",", description = "Training images of the target; 0 = all 54,000 (default: 500,2000,0).")
    List<Integer> sizes = List.of(500, 2000, 0);

    @Option(names = "--seed", description = "Seed of the subsets and the training (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--json", description = "Runs so far, read back to resume (default: ${DEFAULT-VALUE}).")
    Path json = AppHome.resolve("docs", "transfer", "runs.json");

    @Option(names = "--out", description = "Markdown file for the table (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("docs", "transfer.md");

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        var store = data.ready();
        Digits all = store.train();
        int[] order = Splits.permutation(all.size(), seed);
        // The last 6,000 of a seeded order are held out, 2,000 of them validate (best epoch, thresholds; measured every
        // epoch, so more would cost a small set's run more than its training); subsets come from the rest.
        Digits validationRaw = all.subset(java.util.Arrays.copyOfRange(order, all.size() - VALIDATION, all.size()));
        Digits pool = all.subset(java.util.Arrays.copyOfRange(order, 0, all.size() - HELD_OUT));
        LoadedModel from = ModelFile.load(source);
        List<Map<String, Object>> rows = ReviewRoundLog.read(json);
        for (Target target : targets) {
            Digits test = target.degradation.apply(store.test());
            Digits validation = target.degradation.apply(validationRaw);
            for (int size : sizes) {
                int n = size == 0 ? pool.size() : Math.min(size, pool.size());
                Digits train = target.degradation.apply(pool.head(n));
                TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(epochsFor(n)).withSeed(seed);
                for (String strategy : List.of(SCRATCH, "full", "head", "gradual")) {
                    if (done(rows, target, n, strategy)) continue;
                    System.err.printf(Locale.ROOT, "%s, %,d images, %s: %d epochs...%n", target.label, n, strategy, config.epochs());
                    long started = System.nanoTime();
                    Trainer trainer = new Trainer(config).named("transfer-" + strategy);
                    TrainingResult r = strategy.equals(SCRATCH)
                            ? trainer.train(from.metadata().architecture(), target.degradation, train, validation, TrainingListener.NONE, CancellationToken.none())
                            : trainer.transfer(from, TransferStrategy.parse(strategy), 0, target.degradation, train, validation,
                            TrainingListener.NONE, CancellationToken.none());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double accuracy = Evaluator.report(r.model().classifier().score(test), test.labels()).accuracy();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("target", target.name());
                    row.put("images", n);
                    row.put("strategy", strategy);
                    row.put("epochs", config.epochs());
                    row.put("testAccuracy", accuracy);
                    row.put("seconds", seconds);
                    rows.add(row);
                    ReviewRoundLog.write(json, rows);
                    System.out.printf(Locale.ROOT, "%s, %,d images, %s: test %.2f %% in %.0f s%n", target.label, n, strategy, accuracy * 100, seconds);
                }
            }
        }
        String table = table(rows);
        AtomicWrite.write(out, MarkedSection.replace(out, BEGIN, END, table).getBytes(StandardCharsets.UTF_8));
        System.out.print(table);
        System.out.println("Wrote " + out);
        return 0;
    }

    /** Enough epochs that a small set is seen about 20,000 times in all, at least 3 and at most 30. */
    static int epochsFor(int images) {
        return Math.max(3, Math.min(30, 20_000 / Math.max(1, images)));
    }

    private static boolean done(List<Map<String, Object>> rows, Target target, int n, String strategy) {
        return rows.stream().anyMatch(r -> target.name().equals(r.get("target")) && ((Number) r.get("images")).intValue() == n
                && strategy.equals(r.get("strategy")));
    }

    static String table(List<Map<String, Object>> rows) {
        StringBuilder s = new StringBuilder("| target | training images | epochs | from scratch | full | head | gradual |\n|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, Map<String, Object>>> grouped = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            grouped.computeIfAbsent(r.get("target") + "|" + r.get("images"), k -> new LinkedHashMap<>()).put((String) r.get("strategy"), r);
        }
        for (Map.Entry<String, Map<String, Map<String, Object>>> g : grouped.entrySet()) {
            String[] key = g.getKey().split("\\|");
            Map<String, Object> any = g.getValue().values().iterator().next();
            s.append(String.format(Locale.ROOT, "| %s | %,d | %s |", Target.valueOf(key[0]).label, Integer.parseInt(key[1]), any.get("epochs")));
            for (String strategy : List.of(SCRATCH, "full", "head", "gradual")) {
                Map<String, Object> r = g.getValue().get(strategy);
                s.append(r == null ? " — |" : String.format(Locale.ROOT, " %.2f %% (%.0f s) |", ((Number) r.get("testAccuracy")).doubleValue() * 100,
                        ((Number) r.get("seconds")).doubleValue()));
            }
            s.append("\n");
        }
        return s.toString();
    }
}
