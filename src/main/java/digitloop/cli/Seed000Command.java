package digitloop.cli;

import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.hitl.HitlIteration;
import digitloop.hitl.HitlLoop;
import digitloop.hitl.HitlReport;
import digitloop.hitl.PoolSplit;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.Retrainer;
import digitloop.hitl.StrategyKind;
import digitloop.model.ArchitectureSpec;
import digitloop.model.AtomicFiles;
import digitloop.model.CnnSpec;
import digitloop.model.EpochMetrics;
import digitloop.model.Json;
import digitloop.model.MlpSpec;
import digitloop.train.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed000", mixinStandardHelpOptions = true,
        description = {"The original project's six settings (CNN clean, 14x14, noise 0.3 and 0.12; MLP clean and noise 0.12): "
                + "train on a small labelled set, then HITL iterations answered by an oracle from the entropy queue, beside "
                + "the same budget at random. One chart each and summary.md in --out. Settings already done are skipped."})
public final class Seed000Command implements Callable<Integer> {
    record Setting(String name, ArchitectureSpec spec, Degradation degradation) {
    }

    /** What one setting produced, kept as JSON so the summary can be rebuilt from finished settings. */
    record SettingResult(String name, String architecture, String input, String strategy, int labeled, int pool,
                         double initialAccuracy, double finalAccuracy, double baselineFinalAccuracy, int labelsGiven,
                         int corrections, List<EpochMetrics> initialTraining, List<HitlIteration> iterations, double seconds) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("CNNC", CnnSpec.DEFAULT, Degradation.NONE),
            new Setting("CNNC_14_14", CnnSpec.DEFAULT, Degradation.downsampled()),
            new Setting("CNNC_Gaus_n_std=0.3", CnnSpec.DEFAULT, Degradation.noise(0.3)),
            new Setting("CNNC_Gaus_n_std=0.12", CnnSpec.DEFAULT, Degradation.noise(0.12)),
            new Setting("simple", MlpSpec.DEFAULT, Degradation.NONE),
            new Setting("simple_with_Gaus_n", MlpSpec.DEFAULT, Degradation.noise(0.12)));

    @Option(names = "--out", description = "Folder for charts and summary (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("training_progress");

    @Option(names = "--labeled", description = "Initial labelled images (default: ${DEFAULT-VALUE}).")
    int labeled = 2000;

    @Option(names = "--validation", description = "Validation images (default: ${DEFAULT-VALUE}).")
    int validation = 2000;

    @Option(names = "--pool", description = "Pool images the queue is drawn from (default: ${DEFAULT-VALUE}).")
    int pool = 20_000;

    @Option(names = "--epochs", description = "Epochs of the first training (default: ${DEFAULT-VALUE}).")
    int epochs = 6;

    @Option(names = "--iterations", description = "HITL iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 5;

    @Option(names = "--per-iteration", description = "Labels answered per iteration (default: ${DEFAULT-VALUE}).")
    int perIteration = 200;

    @Option(names = "--retrain-epochs", description = "Fine-tuning epochs per iteration (default: ${DEFAULT-VALUE}).")
    int retrainEpochs = 2;

    @Option(names = "--only", split = ",", description = "Run only these settings (names as in the charts).")
    List<String> only;

    @Option(names = "--quick", description = "Tiny sizes, for a smoke test: 300 labelled, 1,000 pool, 2 iterations of 20.")
    boolean quick;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", description = "Folder with the MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = digitloop.data.DatasetStore.DEFAULT_FOLDER;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            labeled = 300;
            validation = 200;
            pool = 1000;
            epochs = 2;
            iterations = 2;
            perIteration = 20;
            retrainEpochs = 1;
        }
        var store = DataAccess.ready(data);
        Digits train = store.train();
        Digits test = store.test();
        Files.createDirectories(out);
        for (Setting setting : SETTINGS) {
            if (only != null && !only.contains(setting.name())) continue;
            Path json = out.resolve(setting.name() + ".json");
            if (Files.isRegularFile(json) && Files.isRegularFile(out.resolve(setting.name() + ".png"))) {
                System.out.println(setting.name() + ": done before, skipped (delete " + json + " to redo)");
                continue;
            }
            SettingResult result = run(setting, train, test);
            AtomicFiles.write(json, Json.mapper().writeValueAsBytes(result));
            writeSummary();
        }
        writeSummary();
        System.out.println("Wrote " + out.resolve("summary.md"));
        return 0;
    }

    private SettingResult run(Setting setting, Digits rawTrain, Digits rawTest) throws Exception {
        long start = System.nanoTime();
        int total = labeled + validation + pool;
        Digits subset = rawTrain.subset(java.util.Arrays.copyOf(Splits.permutation(rawTrain.size(), seed), total));
        Digits train = setting.degradation().apply(subset);
        Digits test = setting.degradation().apply(rawTest);
        PoolSplit split = PoolSplit.create(train, labeled, validation, seed);
        System.out.printf(Locale.ROOT, "%s: %s on %s, %d labelled, pool %d%n", setting.name(), setting.spec().describe(),
                setting.degradation().label(), labeled, pool);
        TrainingConfig first = TrainingConfig.DEFAULT.withEpochs(epochs).withSeed(seed);
        TrainingResult initial = new Trainer(first).named(setting.name()).train(setting.spec(), setting.degradation(),
                split.labeled(), split.validation(), TrainingListener.NONE, CancellationToken.none());
        HitlLoop.Settings settings = new HitlLoop.Settings(perIteration, iterations, StrategyKind.ENTROPY,
                new QueryOptions(0, false, 20, seed), TrainingConfig.DEFAULT.withEpochs(retrainEpochs).withLearningRate(5e-4, 0.8),
                Retrainer.Mode.FINE_TUNE, 0, seed);
        HitlReport report = HitlLoop.run(setting.name(), initial.model(), initial.history(), split, test, settings,
                it -> System.out.printf(Locale.ROOT, "  iteration %d: %d labels, %d corrections, test %.2f %%, random %.2f %%%n",
                        it.iteration(), it.labelsGiven(), it.corrections(), it.testAccuracy() * 100, it.randomBaselineAccuracy() * 100),
                CancellationToken.none());
        ExperimentCharts.hitl(report, out.resolve(setting.name() + ".png"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.print(report.table());
        return new SettingResult(setting.name(), setting.spec().describe(), setting.degradation().label(), report.strategy(), labeled,
                pool, report.initialAccuracy(), report.finalAccuracy(), report.finalBaselineAccuracy(), report.labelsGiven(),
                report.corrections(), report.initialTraining(), report.iterations(), seconds);
    }

    private void writeSummary() throws Exception {
        List<SettingResult> results = new ArrayList<>();
        for (Setting s : SETTINGS) {
            Path json = out.resolve(s.name() + ".json");
            if (Files.isRegularFile(json)) results.add(Json.mapper().readValue(json.toFile(), SettingResult.class));
        }
        StringBuilder md = new StringBuilder("# seed000: the original project's six settings\n\n");
        md.append("Regenerate with `./digitloop experiment seed000").append(quick ? " --quick" : "").append("` (settings already in this folder "
                + "are skipped; delete a setting's .json to redo it). Each setting: a model trained on the labelled images, then "
                + "HITL iterations in which an oracle (the dataset label) answers the entropy queue, fine-tuning after each; the "
                + "baseline spends the same labels on random pool images in the same run. Accuracies are on the full 10,000-image "
                + "test set with the setting's own degradation; the test set is never reviewed or trained on.\n\n");
        md.append("| setting | model | input | labelled | initial acc | final acc | labels given | corrections | HITL gain | random gain | time |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SettingResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.2f %% | %.2f %% | %d | %d | %+.2f | %+.2f | %.0f s |%n",
                    r.name(), r.architecture(), r.input(), r.labeled(), r.initialAccuracy() * 100, r.finalAccuracy() * 100,
                    r.labelsGiven(), r.corrections(), (r.finalAccuracy() - r.initialAccuracy()) * 100,
                    (r.baselineFinalAccuracy() - r.initialAccuracy()) * 100, r.seconds()));
        }
        md.append("\nGains are in percentage points of test accuracy. Charts: `<setting>.png` beside this file.\n");
        AtomicFiles.write(out.resolve("summary.md"), md.toString().getBytes(StandardCharsets.UTF_8));
    }
}
