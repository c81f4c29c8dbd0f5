package digitloop.cli;

import digitloop.data.Digits;
import digitloop.gan.GanCheckpoint;
import digitloop.gan.GanConfig;
import digitloop.gan.GanEpoch;
import digitloop.gan.GanFile;
import digitloop.gan.GanListener;
import digitloop.gan.GanLoss;
import digitloop.gan.GanMetadata;
import digitloop.gan.GanSpec;
import digitloop.gan.GanTrainer;
import digitloop.gan.GanTrainingResult;
import digitloop.gan.SampleGrid;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-gan", mixinStandardHelpOptions = true,
        description = {"Train a conditional GAN on MNIST's training images and save its generator (DL4J zip + JSON sidecar).",
                "After every epoch it writes a checkpoint beside --out (gan.zip -> gan.checkpoint/) and a sample grid "
                        + "(a row per label 0-9, a column per fixed noise vector); --resume continues from the checkpoint."})
public final class TrainGanCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Generator file to write, e.g. models/gan.zip.")
    Path out;

    @Option(names = "--epochs", description = "Epochs in all, counting those of a resumed checkpoint (default: ${DEFAULT-VALUE}).")
    int epochs = GanConfig.DEFAULT.epochs();

    @Option(names = "--batch", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch = GanConfig.DEFAULT.batch();

    @Option(names = "--lr", description = "Adam's learning rate, both networks (default: ${DEFAULT-VALUE}).")
    double learningRate = GanConfig.DEFAULT.learningRate();

    @Option(names = "--beta1", description = "Adam's beta1 (default: ${DEFAULT-VALUE}).")
    double beta1 = GanConfig.DEFAULT.beta1();

    @Option(names = "--seed", description = "Seed of initialisation, shuffling, noise and the grid's noise (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT.seed();

    @Option(names = "--limit", description = "Use only the first N training images (default: all 60,000).")
    int limit;

    @Option(names = "--z", description = "Noise size (default: ${DEFAULT-VALUE}).")
    int z = GanSpec.DEFAULT.zSize();

    @Option(names = "--embedding", description = "Label-embedding size (default: ${DEFAULT-VALUE}).")
    int embedding = GanSpec.DEFAULT.embeddingSize();

    @Option(names = "--loss", description = "Adversarial loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    GanLoss loss = GanSpec.DEFAULT.loss();

    @Option(names = "--generator-channels", description = "Channels of the generator's 7x7 block; later blocks halve it (default: ${DEFAULT-VALUE}).")
    int generatorChannels = GanSpec.DEFAULT.generatorChannels();

    @Option(names = "--discriminator-channels", description = "Channels of the discriminator's first block; the second doubles it (default: ${DEFAULT-VALUE}).")
    int discriminatorChannels = GanSpec.DEFAULT.discriminatorChannels();

    @Option(names = "--class-weight", description = "Weight of the discriminator's digit-naming term (auxiliary classifier; 0 = a plain conditional GAN; default: ${DEFAULT-VALUE}).")
    double classWeight = GanSpec.DEFAULT.classWeight();

    @Option(names = "--samples", paramLabel = "DIR", description = "Folder for the per-epoch sample grids epoch-NN.png (default: beside --out, gan.zip -> gan-samples/).")
    Path samples;

    @Option(names = "--resume", description = "Continue from the checkpoint beside --out (its shape and settings win over the options here, except --epochs).")
    boolean resume;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        OutputFile.requireWritable(out);
        GanSpec spec = new GanSpec(z, embedding, loss, generatorChannels, discriminatorChannels, classWeight);
        GanConfig config = new GanConfig(epochs, batch, learningRate, beta1, seed, limit);
        GanCheckpoint checkpoint = GanCheckpoint.besides(out);
        if (resume && !checkpoint.exists()) {
            throw new IllegalArgumentException("there is no checkpoint in " + checkpoint.folder() + " to resume; leave out --resume to train anew");
        }
        Path sampleFolder = samples != null ? samples
                : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.zip$", "") + "-samples");
        Digits train = data.ready().train();
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "Training a %s on %d images, %d epochs, batch %d, Adam %.1e beta1 %.2f, seed %d%s%n",
                resume ? "resumed GAN (" + checkpoint.folder() + ")" : spec.describe(), limit > 0 ? Math.min(limit, train.size()) : train.size(),
                epochs, batch, learningRate, beta1, seed, "");
        o.println("epoch    G-loss    D-loss  D(real)  D(fake)  variety (lowest label)    time  samples");
        ProgressLine line = new ProgressLine(System.err);
        CancellationToken cancel = new CancellationToken();
        GanTrainingResult result;
        try (CtrlC ignored = CtrlC.cancels(cancel, "train-gan")) {
            result = new GanTrainer(spec, config, checkpoint).train(train, resume, new GanListener() {
                @Override
                public void onBatch(int epoch, int total, int b, int batches, double secondsRemaining) {
                    line.draw(String.format(Locale.ROOT, "epoch %d/%d", epoch, total), (double) b / batches,
                            "ETA " + TrainingProgress.duration(secondsRemaining));
                }

                @Override
                public void onEpoch(GanEpoch e, int total, SampleGrid grid) {
                    line.clear();
                    Path png = sampleFolder.resolve(String.format(Locale.ROOT, "epoch-%02d.png", e.epoch()));
                    try {
                        GanPng.write(png, grid, 2);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    o.printf(Locale.ROOT, "%5d  %8.4f  %8.4f  %7.3f  %7.3f  %.3f (%d)%s  %6.1fs  %s%n", e.epoch(), e.generatorLoss(),
                            e.discriminatorLoss(), e.realScore(), e.fakeScore(), e.lowestVariety(), e.lowestVarietyLabel(),
                            e.collapsed() ? " COLLAPSED" : "         ", e.seconds(), png);
                }
            }, cancel);
            line.clear();
            if (result.status() == GanTrainingResult.Status.CANCELLED) {
                System.err.println("error: stopped by Ctrl+C (" + result.message() + "); " + out + " was not written. "
                        + (result.history().isEmpty() ? "" : "The checkpoint of epoch " + result.last().epoch()
                        + " is in " + checkpoint.folder() + ": add --resume to continue."));
                return 1;
            }
            if (result.status() == GanTrainingResult.Status.DIVERGED) {
                System.err.println("error: " + result.message() + "; " + out + " was not written.");
                return 1;
            }
            GanSpec trained = result.generator().spec();
            // The epochs trained, whatever the run first asked for: the sidecar's settings rebuild this generator.
            GanConfig settings = checkpoint.state().map(s -> s.config()).orElse(config).withEpochs(result.last().epoch());
            GanMetadata metadata = new GanMetadata(GanMetadata.FORMAT_VERSION, GanMetadata.KIND,
                    out.getFileName().toString().replaceFirst("\\.zip$", ""), trained, settings, result.history(), result.seconds(),
                    result.dataMd5(), null, Trainer.versions(), Instant.now().toString());
            GanFile.save(out, result.generator(), metadata);
        }
        GanEpoch last = result.last();
        o.printf(Locale.ROOT, "%s in %s. Saved %s; measure it with 'digitloop experiment gan-quality --model %s --record'.%n",
                result.message(), TrainingProgress.duration(result.seconds()), out, out);
        return last.collapsed() ? 1 : 0;
    }
}
