package digitloop.cli;

import digitloop.files.AppHome;
import digitloop.data.DatasetStore;
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
import digitloop.files.AtomicWrite;
import digitloop.model.CnnSpec;
import digitloop.model.EpochMetrics;
import digitloop.model.Json;
import digitloop.model.MlpSpec;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment seed000}: the original project's six settings, each trained, then improved by oracle-answered HITL iterations. */
@Command(name = "seed000", mixinStandardHelpOptions = true,
        description = {"The original project's six settings (CNN clean, 14x14, noise 0.3 and 0.12; MLP clean and noise 0.12): "
                + "train on a small labelled set, then HITL iterations in which an oracle answers the max-entropy queue and the "
                + "model is fine-tuned, beside the same number of random pool labels. Writes <setting>.png, <setting>.json and "
                + "summary.md to --out; settings already there are skipped (delete a .json to redo one)."})
public final class ExperimentSeed000Command implements Callable<Integer> {
    record Setting(String name, ArchitectureSpec spec, Degradation degradation) {
    }

    /** The sizes a run used, written into every result so the summary can say them. */
    record Sizes(int labeled, int validation, int pool, int epochs, int iterations, int perIteration, int retrainEpochs,
                 long seed) {
        String describe() {
            return String.format(Locale.ROOT, "%,d labelled, %,d validation, %,d pool images; first training %d epochs; %d HITL "
                    + "iterations of %d labels, each followed by %d fine-tuning epochs; seed %d", labeled, validation, pool, epochs,
                    iterations, perIteration, retrainEpochs, seed);
        }
    }

    /** What one setting produced, kept as JSON so the summary is rebuilt from every finished setting. */
    record SettingResult(String name, String architecture, String input, String strategy, Sizes sizes,
                         double initialAccuracy, double finalAccuracy, double baselineFinalAccuracy, int labelsGiven,
                         int corrections, List<EpochMetrics> initialTraining, List<HitlIteration> iterations, double seconds) {
    }

    /** Names exactly as the original project's training_progress/ charts. */
    static final List<Setting> SETTINGS = List.of(
            new Setting("CNNC", CnnSpec.DEFAULT, Degradation.NONE),
            new Setting("CNNC_14_14", CnnSpec.DEFAULT, Degradation.downsampled()),
            new Setting("CNNC_Gaus_n_std=0.3", CnnSpec.DEFAULT, Degradation.noise(0.3)),
            new Setting("CNNC_Gaus_n_std=0.12", CnnSpec.DEFAULT, Degradation.noise(0.12)),
            new Setting("simple", MlpSpec.DEFAULT, Degradation.NONE),
            new Setting("simple_with_Gaus_n", MlpSpec.DEFAULT, Degradation.noise(0.12)));

    @Option(names = "--out", description = "Folder for charts, results and summary (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("training_progress");

    @Option(names = "--labeled", description = "Initial labelled images (default: ${DEFAULT-VALUE}).")
    int labeled = 1000;

    @Option(names = "--validation", description = "Validation images (default: ${DEFAULT-VALUE}).")
    int validation = 500;

    @Option(names = "--pool", description = "Pool images the queue is drawn from (default: ${DEFAULT-VALUE}).")
    int pool = 3000;

    @Option(names = "--epochs", description = "Epochs of the first training (default: ${DEFAULT-VALUE}).")
    int epochs = 5;

    @Option(names = "--iterations", description = "HITL iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 3;

    @Option(names = "--per-iteration", description = "Labels answered per iteration (default: ${DEFAULT-VALUE}).")
    int perIteration = 100;

    @Option(names = "--retrain-epochs", description = "Fine-tuning epochs per iteration (default: ${DEFAULT-VALUE}).")
    int retrainEpochs = 2;

    @Option(names = "--only", split = ",", description = "Run only these settings (names as in the charts).")
    List<String> only;

    @Option(names = "--quick", description = "Tiny sizes for a smoke test: 200 labelled, 200 validation, 500 pool, 1 epoch, "
            + "2 iterations of 20. Use another --out than the real run's.")
    boolean quick;

    @Option(names = "--seed", description = "Seed of the split, the training and the queue (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        Sizes sizes = quick ? new Sizes(200, 200, 500, 1, 2, 20, 1, seed)
                : new Sizes(labeled, validation, pool, epochs, iterations, perIteration, retrainEpochs, seed);
        if (only != null) {
            for (String name : only) {
                if (SETTINGS.stream().noneMatch(s -> s.name().equals(name))) {
                    throw new IllegalArgumentException("no setting named " + name + "; the settings are "
                            + SETTINGS.stream().map(Setting::name).toList());
                }
            }
        }
        var store = data.ready();
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
            SettingResult result = run(setting, sizes, train, test);
            AtomicWrite.write(json, Json.mapper().writeValueAsBytes(result));
            ExperimentSeed000Summary.write(out, SETTINGS.stream().map(Setting::name).toList(), quick);
        }
        ExperimentSeed000Summary.write(out, SETTINGS.stream().map(Setting::name).toList(), quick);
        System.out.println("Wrote " + out.resolve("summary.md"));
        return 0;
    }

    private SettingResult run(Setting setting, Sizes sizes, Digits rawTrain, Digits rawTest) throws Exception {
        long start = System.nanoTime();
        int total = sizes.labeled() + sizes.validation() + sizes.pool();
        // The same training images for every setting; only their degradation differs.
        Digits subset = rawTrain.subset(Arrays.copyOf(Splits.permutation(rawTrain.size(), sizes.seed()), total));
        Digits train = setting.degradation().apply(subset);
        Digits test = setting.degradation().apply(rawTest);
        PoolSplit split = PoolSplit.create(train, sizes.labeled(), sizes.validation(), sizes.seed());
        System.out.printf(Locale.ROOT, "%s: %s on %s; %s%n", setting.name(), setting.spec().describe(),
                setting.degradation().label(), sizes.describe());
        TrainingConfig first = TrainingConfig.DEFAULT.withEpochs(sizes.epochs()).withSeed(sizes.seed());
        TrainingResult initial = new Trainer(first).named(setting.name()).train(setting.spec(), setting.degradation(),
                split.labeled(), split.validation(), new TrainingListener() {
                    @Override public void onEpoch(EpochMetrics m, int totalEpochs) {
                        System.out.printf(Locale.ROOT, "  epoch %d/%d: validation %.2f %% (%.0f s)%n", m.epoch(), totalEpochs,
                                m.validationAccuracy() * 100, m.seconds());
                    }
                }, CancellationToken.none());
        if (!initial.hasModel()) throw new IllegalStateException(setting.name() + ": the first training failed: " + initial.message());
        // Fine-tuning at half the first learning rate: the labels refine the model rather than restart it.
        HitlLoop.Settings loop = new HitlLoop.Settings(sizes.perIteration(), sizes.iterations(), StrategyKind.ENTROPY,
                new QueryOptions(0, false, 20, sizes.seed()),
                TrainingConfig.DEFAULT.withEpochs(sizes.retrainEpochs()).withLearningRate(5e-4, 0.8).withSeed(sizes.seed()),
                Retrainer.Mode.FINE_TUNE, 0, sizes.seed());
        HitlReport report = HitlLoop.run(setting.name(), initial.model(), initial.history(), split, test, loop,
                it -> System.out.printf(Locale.ROOT, "  iteration %d: %d labels, %d corrections, test %.2f %%, random %.2f %%%n",
                        it.iteration(), it.labelsGiven(), it.corrections(), it.testAccuracy() * 100, it.randomBaselineAccuracy() * 100),
                CancellationToken.none());
        ExperimentCharts.hitl(report, out.resolve(setting.name() + ".png"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.print(report.table());
        System.out.printf(Locale.ROOT, "%s: %.0f s%n", setting.name(), seconds);
        return new SettingResult(setting.name(), setting.spec().describe(), setting.degradation().label(), report.strategy(), sizes,
                report.initialAccuracy(), report.finalAccuracy(), report.finalBaselineAccuracy(), report.labelsGiven(),
                report.corrections(), report.initialTraining(), report.iterations(), seconds);
    }
}
