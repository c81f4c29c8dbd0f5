package digitloop.cli;

import digitloop.files.AppHome;
import digitloop.data.Augmentation;
import digitloop.data.Digits;
import digitloop.hitl.AlCurveProtocol;
import digitloop.hitl.AlCurveRun;
import digitloop.hitl.AlCurveTable;
import digitloop.hitl.StrategyKind;
import digitloop.files.AtomicWrite;
import digitloop.task.CancellationToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment al-curve}: the active-learning curves of Gal et al. (2017), resumable, reported from whatever has run. */
@Command(name = "al-curve", mixinStandardHelpOptions = true,
        description = {"Gal, Islam & Ghahramani (2017): 20 balanced labels, acquire 10 at a time up to --max-labels, a small "
                + "dropout CNN trained from scratch each round, 2,000 random pool images scored per round (MC dropout T = 20), "
                + "test accuracy on the whole test set. Each (strategy, seed) appends to its own CSV in --out as it goes; a "
                + "run started again skips the rounds its CSV holds. table.md and curve.png are rebuilt from whatever CSVs "
                + "exist, so a long run can be done in parts (--report-only just rebuilds them)."})
public final class ExperimentAlCurveCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Folder for the CSVs, table.md and curve.png (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("docs", "al-curve");

    @Option(names = "--strategies", split = ",",
            description = "Strategies, comma-separated (default: RANDOM,ENTROPY,MARGIN,BALD,VARIATION_RATIOS).")
    List<StrategyKind> strategies = List.of(StrategyKind.RANDOM, StrategyKind.ENTROPY, StrategyKind.MARGIN, StrategyKind.BALD,
            StrategyKind.VARIATION_RATIOS);

    @Option(names = "--seeds", description = "Number of seeds, run as --first-seed, --first-seed + 1, ... (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(names = "--first-seed", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed = 1;

    @Option(names = "--max-labels", description = "Stop at this many labels (default: 1000, --quick: 50).")
    Integer maxLabels;

    @Option(names = "--steps", description = "Most gradient steps per round; a round takes 64 passes over its labels, at least 200 steps (default: 1000, --quick: 40).")
    Integer steps;

    @Option(names = "--no-augment", description = "Train without random shifts and rotations (Gal et al. used none).")
    boolean noAugment;

    @Option(names = "--oracle-error", description = "Share of oracle answers that are wrong, seeded (default: ${DEFAULT-VALUE}).")
    double oracleError;

    @Option(names = "--report-only", description = "Only rebuild table.md and curve.png from the CSVs in --out.")
    boolean reportOnly;

    @Option(names = "--quick", description = "A tiny CI-sized run: 1 seed, up to 50 labels, 40 steps a round, "
            + "300 pool images scored, T = 5, 1,000 test images. Use another --out than the real run's.")
    boolean quick;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        if (!reportOnly) {
            AlCurveProtocol protocol = protocol();
            var store = data.ready();
            Digits train = store.train();
            Digits test = store.test();
            int seedCount = quick ? 1 : seeds;
            System.out.println("protocol: " + protocol.key() + " max_labels=" + protocol.maxLabels());
            // Seed-major order: after any interruption every strategy has about as many seeds done.
            for (long seed = firstSeed; seed < firstSeed + seedCount; seed++) {
                for (StrategyKind strategy : strategies) {
                    AlCurveRun run = new AlCurveRun(protocol, strategy, seed, oracleError);
                    Path csv = out.resolve(run.fileName());
                    long started = System.nanoTime();
                    var rounds = run.run(train, test, csv, r -> System.out.printf(Locale.ROOT,
                            "  %s seed %d: %d labels -> %.2f %% (%.0f s)%n", strategy.name().toLowerCase(Locale.ROOT), run.seedValue(),
                            r.labels(), r.testAccuracy() * 100, r.seconds()), CancellationToken.none());
                    System.out.printf(Locale.ROOT, "%s: %d rounds in the log, %.0f s this time%n", csv, rounds.size(),
                            (System.nanoTime() - started) / 1e9);
                    report();
                }
            }
        }
        report();
        System.out.println("Wrote " + out.resolve("table.md") + " and " + out.resolve("curve.png"));
        return 0;
    }

    AlCurveProtocol protocol() {
        AlCurveProtocol p = quick ? AlCurveProtocol.GAL_2017.quick() : AlCurveProtocol.GAL_2017;
        if (maxLabels != null) p = p.withMaxLabels(maxLabels);
        if (steps != null) p = p.withSteps(steps);
        if (noAugment) p = p.withAugmentation(Augmentation.NONE);
        return p;
    }

    private void report() throws Exception {
        List<AlCurveTable.Curve> curves = AlCurveTable.read(out);
        String md = "# al-curve results (built from the CSVs in this folder)\n\n" + AlCurveTable.markdown(curves)
                + "\nMeans over the seeds that got furthest; a seed with fewer labels is left out of the figures "
                + "and listed as behind until it catches up. Labels to 90 %/95 % are the first count at which the mean "
                + "reaches it, so they can differ from the mean of the seeds' own counts. The mean accuracy from " + AlCurveTable.MID_FROM
                + " to " + AlCurveTable.MID_TO + " labels is the mean of the curve's rounds in that range.\n";
        AtomicWrite.write(out.resolve("table.md"), md.getBytes(StandardCharsets.UTF_8));
        if (!curves.isEmpty()) ExperimentCharts.alCurve(curves, out.resolve("curve.png"));
    }
}
