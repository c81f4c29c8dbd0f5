package digitloop.cli;

import digitloop.data.DatasetStore;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.gan.GanFile;
import digitloop.gan.GanMeasure;
import digitloop.gan.GanMetadata;
import digitloop.gan.GanQuality;
import digitloop.gan.GanSpec;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.TrainingProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment gan-quality}: label fidelity and Fréchet distances of a generator, as a Markdown table. */
@Command(name = "gan-quality", mixinStandardHelpOptions = true,
        description = {"Measures a generator: the share of its digits the judge (the default CNN) reads as the label asked for, "
                + "per label and overall, and per label the Fréchet distance in the judge's penultimate-layer features between "
                + "generated and real test digits, beside real training digits against the same test digits (the floor).",
                "Writes the table between this generator's markers in --out (the rest of the file is kept); --record also "
                        + "stores the figures in the generator's metadata."})
public final class ExperimentGanQualityCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Generator file (default: models/gan.zip of the app).")
    Path model = AppHome.resolve("models", "gan.zip");

    @Option(names = "--judge", description = "Classifier that judges the digits (default: models/cnn.zip of the app).")
    Path judge = AppHome.resolve("models", "cnn.zip");

    @Option(names = "--per-label", description = "Generated digits per label (default: ${DEFAULT-VALUE}).")
    int perLabel = 1000;

    @Option(names = "--seed", description = "Seed of the noise and of the training digits the floor draws (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--truncation", description = "Factor on the noise (default: ${DEFAULT-VALUE}).")
    double truncation = 1.0;

    @Option(names = "--record", description = "Store the figures in the generator's metadata (zip and sidecar).")
    boolean record;

    @Option(names = "--out", description = "Markdown file for the table (default: docs/gan.md of the app).")
    Path out = AppHome.resolve("docs", "gan.md");

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        var loaded = GanFile.load(model);
        var classifier = ModelFile.load(judge).classifier();
        DatasetStore store = data.ready();
        ProgressLine line = new ProgressLine(System.err);
        long start = System.nanoTime();
        GanQuality q = GanMeasure.measure(loaded.generator(), classifier, judge.getFileName().toString(), store.train(), store.test(),
                perLabel, seed, truncation, line, CancellationToken.none());
        line.clear();
        double seconds = (System.nanoTime() - start) / 1e9;
        String table = table(loaded.metadata(), q, model, seconds, loaded.generator().graph().numParams(),
                java.nio.file.Files.size(model) / 1e6);
        String name = model.getFileName().toString() + (truncation == 1.0 ? "" : " truncation " + truncation);
        String text = MarkedSection.replace(out, "<!-- gan-quality " + name + ": begin -->", "<!-- gan-quality " + name + ": end -->", table);
        AtomicWrite.write(out, text.getBytes(StandardCharsets.UTF_8));
        if (record) GanFile.save(model, loaded.generator(), loaded.metadata().withQuality(q));
        System.out.print(table);
        System.out.println("Wrote " + out + (record ? " and recorded the figures in " + model : ""));
        return 0;
    }

    static String table(GanMetadata m, GanQuality q, Path model, double seconds, long parameters, double megabytes) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "`%s`: %s; %,d parameters, a %.1f MB file; %d epochs, %s of training on this machine; "
                        + "%,d digits per label, noise seed %d, truncation %.2f, judged by `%s`; measured in %.0f s.%n%n",
                model.getFileName(), m.spec().describe(), parameters, megabytes, m.epochs(),
                TrainingProgress.duration(m.seconds()), q.samplesPerLabel(), q.seed(), q.truncation(), q.judge(), seconds));
        s.append("| label | fidelity | FID generated vs test | FID real train vs test (floor) | pixel spread generated (real test) |\n"
                + "|---:|---:|---:|---:|---:|\n");
        for (int l = 0; l < GanSpec.LABELS; l++) {
            s.append(String.format(Locale.ROOT, "| %d | %.1f %% | %.2f | %.2f | %.3f (%.3f) |%n", l, 100 * q.fidelityPerLabel().get(l),
                    q.fidPerLabel().get(l), q.floorFidPerLabel().get(l), q.spreadPerLabel().get(l), q.realSpreadPerLabel().get(l)));
        }
        s.append(String.format(Locale.ROOT, "| **all** | **%.2f %%** (lowest %.1f %%) | **%.2f** (mean) | **%.2f** (mean) | **%.3f** (%.3f) |%n",
                100 * q.fidelity(), 100 * q.lowestFidelity(), q.meanFid(), q.meanFloorFid(), q.meanSpread(), q.meanRealSpread()));
        return s.toString();
    }
}
