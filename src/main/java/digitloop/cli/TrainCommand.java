package digitloop.cli;

import digitloop.train.TrainingProgress;
import digitloop.data.Augmentation;
import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.data.LabelFixes;
import digitloop.hitl.LabelJournal;
import digitloop.data.FolderImages;
import digitloop.canvas.ImageFolderException;
import digitloop.canvas.ImageFolderReader;
import digitloop.model.EpochMetrics;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.IterationEvent;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingPipeline;
import digitloop.train.TrainingRequest;
import digitloop.train.TrainingResult;
import digitloop.model.RunSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on MNIST and save it (DL4J zip + JSON sidecar).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingConfig.DEFAULT.epochs();

    @Option(names = "--batch", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch = TrainingConfig.DEFAULT.batchSize();

    @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingConfig.DEFAULT.learningRate();

    @Option(names = "--lr-decay", description = "Learning-rate factor per epoch (default: ${DEFAULT-VALUE}).")
    double decay = TrainingConfig.DEFAULT.learningRateDecay();

    @Option(names = "--seed", description = "Seed for initialisation, shuffling and the split (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.DEFAULT.seed();

    // arity 0..1: --augment=false turns off a train.augment=true from a file (picocli's negatable --no-x would
    // instead flip whatever the default is, and a file's value is the default).
    @Option(names = "--augment", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Random shifts of ±2 px and rotations of ±10° during training (--augment=false: off, "
                    + "whatever a configuration file says).")
    boolean augment;

    @Option(names = "--zoom", description = "With --augment: also random zooms of up to this fraction, e.g. 0.1 for ±10 %%.")
    double zoom;

    @Option(names = "--strategy", description = "With --from: transfer it to this run's input (--noise, --downsample) by full (every "
            + "layer fine-tuned), head (feature layers frozen, a new dense head trained) or gradual (the head first, then every layer "
            + "at a tenth of the rate); without it --from continues the model as it is.")
    String strategy;

    @Option(names = "--freeze", description = "With --strategy: freeze only the first this many layers (default: the strategy's choice).")
    int freeze;

    @Option(names = "--handwriting", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Random changes of handwriting style during training: slant, width, elastic wobble, stroke width, blur "
                    + "and fade (docs/handwriting.md); with or without --augment.")
    boolean handwriting;

    @Option(names = "--extend", paramLabel = "N",
            description = "Grow the training set once, before training, by N augmented copies of each image (0-16), instead of "
                    + "changing the images on the fly each epoch (default: ${DEFAULT-VALUE} = on the fly); with --augment or --handwriting.")
    int extend;

    @Option(names = "--non-digits", paramLabel = "SHARE", description = "Also train on synthetic non-digits (scribbles, shapes, "
            + "textures, smudges) with a uniform target, this share of each batch, e.g. 0.1: the model learns to say \"not sure\" on them.")
    double nonDigits = TrainingConfig.DEFAULT.nonDigitShare();

    @Option(names = "--patience", description = "Stop after this many epochs without a better validation accuracy; 0 = never.")
    int patience = TrainingConfig.DEFAULT.patience();

    @Option(names = "--limit", description = "Use only the first N training images (default: all 60,000).")
    int limit = TrainingRequest.DEFAULT.trainLimit();

    @Option(names = "--validation", description = "Share of the training images held out for validation (default: ${DEFAULT-VALUE}).")
    double validation = TrainingConfig.DEFAULT.validationFraction();

    @Mixin
    DataOption data;

    @Option(names = "--data-csv", paramLabel = "FILE", description = "Train on this Kaggle train.csv (label,pixel0,…,pixel783) "
            + "instead of MNIST's training images; the test report is still on MNIST's test images.")
    Path dataCsv;

    @Option(names = "--images", paramLabel = "DIR", description = "Also train on this labelled folder of your own images "
            + "(subfolders 0 … 9, or a labels.csv), mixed into MNIST's training images at --images-share; "
            + "its not-a-digit images are not trained on.")
    Path images;

    @Option(names = "--images-share", paramLabel = "SHARE", description = "With --images: the share of the training set that is "
            + "your images, repeated as needed (default: ${DEFAULT-VALUE}).")
    double imagesShare = 0.2;

    @Option(names = "--from", description = "Continue training this model (its architecture and input win over --model/--noise, unless --strategy transfers it; it keeps its validation split, --seed shuffles).")
    Path from;

    @Option(names = "--label-reviews", paramLabel = "JOURNAL", description = "Apply the label reviews of this label journal "
            + "(e.g. labels/journal.tsv, from the Review tab's suspicious-labels queue): corrected labels, and the images marked "
            + "\"not a clear digit\" left out.")
    Path labelReviews;

    @Option(names = "--keep-unclear", description = "With --label-reviews: train on the images marked \"not a clear digit\" too.")
    boolean keepUnclear;

    @Option(names = "--leave-out", paramLabel = "CSV", description = "Leave out the training images whose ids are in this CSV's "
            + "id column, e.g. the issues.csv of find-label-issues --split train.")
    Path leaveOut;

    @Option(names = "--out", required = true, description = "Model file to write, e.g. models/my-cnn.zip.")
    Path out;

    @Spec
    CommandSpec spec;

    /** Keys the sidecar leaves out: how a run logs does not make the model. */
    private static final List<String> NOT_RECORDED = List.of("log-level", "log-file");

    @Override
    public Integer call() throws Exception {
        // Options are checked before the data is read: a wrong one should fail at once.
        TrainingRequest request = request();
        OutputFile.requireWritable(out);
        TrainingConfig config = request.config();
        if (!(imagesShare > 0 && imagesShare < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--images-share must lie between 0 and 1, e.g. 0.2");
        }
        FolderImages own = images == null ? null : readOwn();
        DatasetStore store = data.ready();
        Digits train = dataCsv == null ? store.train() : KaggleCsvInput.readLabelled(dataCsv);
        Digits test = store.test();
        LabelFixes fixes = labelFixes(store);
        PrintStream o = System.out;
        o.printf(Locale.ROOT, "Training %s on %s%s (%s), %d epochs, batch %d, augmentation %s%s%n",
                request.architecture().describe(), limit > 0 ? limit + " images" : train.size() + " images",
                dataCsv == null ? "" : " of " + dataCsv,
                request.degradation().label(), epochs, batch, config.augmentation().describe(),
                nonDigits > 0 ? String.format(Locale.ROOT, ", non-digits %.0f %% of each batch", nonDigits * 100) : "");
        if (labelReviews != null || leaveOut != null) o.println("Label fixes: " + fixes.describe());
        o.println("epoch  train-loss  train-acc  val-loss  val-acc    lr        time");
        ProgressLine line = new ProgressLine(System.err);
        CancellationToken cancel = new CancellationToken();
        CountDownLatch settled = new CountDownLatch(1);
        // Ctrl+C: the JVM exits as soon as the shutdown hooks return, so this one stops training between
        // batches and waits until the command has finished with its files (it saves nothing once cancelled).
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                settled.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "digitloop-train-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return trainAndSave(request, train, own == null ? null : own.digits(), test, fixes, line, o, cancel);
        } finally {
            settled.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and returns now that nothing is being written.
            }
        }
    }

    /** What --label-reviews and --leave-out change in MNIST's training labels; refused before any training starts. */
    private LabelFixes labelFixes(DatasetStore store) throws java.io.IOException {
        if (labelReviews == null && leaveOut == null) return LabelFixes.NONE;
        if (dataCsv != null) {
            throw new IllegalArgumentException("--label-reviews and --leave-out name MNIST's sample ids; they cannot be used with --data-csv");
        }
        LabelFixes fixes = LabelFixes.NONE;
        if (labelReviews != null) {
            if (!Files.isRegularFile(labelReviews)) {
                throw new IllegalArgumentException("no label journal at " + labelReviews + ": give the file the app writes, labels/journal.tsv");
            }
            try (LabelJournal journal = LabelJournal.open(labelReviews, store.fingerprint())) {
                fixes = journal.labelFixes(!keepUnclear);
            }
        }
        if (leaveOut == null) return fixes;
        Set<Integer> left = new HashSet<>(fixes.leftOut());
        left.addAll(IssueCsv.ids(leaveOut));
        return new LabelFixes(fixes.relabel(), left);
    }

    /** The --strategy asked for, or null; checked with the other options before anything is read. */
    private digitloop.train.TransferStrategy transferStrategy() {
        return strategy == null || strategy.isBlank() ? null : digitloop.train.TransferStrategy.parse(strategy);
    }

    /** What these options ask for; a value that is not allowed raises a {@link BadSetting}, a mismatch IllegalArgumentException. */
    TrainingRequest request() {
        checkRanges();
        TrainingConfig config = new TrainingConfig(epochs, batch, learningRate, decay, seed, validation, patience,
                (augment ? Augmentation.STANDARD.withZoom(zoom) : Augmentation.NONE)
                        .withStyle(handwriting ? digitloop.data.HandwritingStyle.ALL : digitloop.data.HandwritingStyle.NONE)
                        .withCopies(extend))
                .withNonDigits(nonDigits);
        return new TrainingRequest(out.getFileName().toString().replaceFirst("\\.zip$", ""),
                architecture.spec(), architecture.degradation(), config, limit);
    }

    /**
     * The options a file or the command line can set wrongly, checked before anything is read so the error
     * names the file and key ({@link BadSetting}); the engine's records check the same again.
     */
    private void checkRanges() {
        BadSetting.require(spec, "--epochs", epochs >= 1, epochs, "a whole number of at least 1");
        BadSetting.require(spec, "--batch", batch >= 1, batch, "a whole number of at least 1");
        BadSetting.require(spec, "--lr", learningRate > 0 && !Double.isInfinite(learningRate), learningRate, "a number above 0, e.g. 1e-3");
        BadSetting.require(spec, "--lr-decay", decay > 0 && decay <= 1, decay, "a number above 0 and at most 1 (1 = constant)");
        BadSetting.require(spec, "--validation", validation >= 0 && validation < 1, validation, "a share from 0 up to (not including) 1");
        BadSetting.require(spec, "--patience", patience >= 0, patience, "a whole number of epochs, 0 = never stop early");
        BadSetting.require(spec, "--limit", limit >= 0, limit, "a whole number of images, 0 = all");
        BadSetting.require(spec, "--non-digits", nonDigits >= 0 && nonDigits <= 1, nonDigits, "a share from 0 to 1");
        BadSetting.require(spec, "--freeze", freeze >= 0, freeze, "a whole number of layers, 0 = the strategy's choice");
        if (strategy != null && !strategy.isBlank()) {
            BadSetting.require(spec, "--strategy", java.util.Set.of("full", "head", "gradual").contains(strategy.trim().toLowerCase(Locale.ROOT)),
                    strategy, "full, head or gradual");
            if (from == null) throw new IllegalArgumentException("--strategy transfers a model: give it with --from MODEL");
        }
        BadSetting.require(spec, "--extend", extend >= 0 && extend <= Augmentation.MAX_COPIES, extend, "a whole number of copies from 0 to "
                + Augmentation.MAX_COPIES);
        if (extend > 0 && !augment && !handwriting) {
            throw new IllegalArgumentException("--extend grows the set with augmented copies: switch on --augment or --handwriting as well");
        }
        BadSetting.require(spec, "--zoom", zoom >= 0 && zoom < 0.5, zoom, "a fraction from 0 up to (not including) 0.5, e.g. 0.1");
        architecture.checkRanges(spec);
    }

    /** Every setting this run resolved, for the sidecar (see ResolvedSettings). */
    private RunSettings resolvedSettings() {
        LayeredDefaults defaults = spec.commandLine().getDefaultValueProvider() instanceof LayeredDefaults d
                ? d : new LayeredDefaults(digitloop.files.SettingsFiles.none());
        ResolvedSettings resolved = ResolvedSettings.of(spec, defaults);
        return new RunSettings(resolved.values(NOT_RECORDED), resolved.sources(NOT_RECORDED));
    }

    /** The folder, read before MNIST so that a bad one fails at once; what it holds is said before training. */
    private FolderImages readOwn() throws java.io.IOException {
        ProgressLine line = new ProgressLine(System.err);
        FolderImages own = ImageFolderReader.readLabelled(images, CancellationToken.none(), (f, m) -> line.draw("images", f, m));
        line.clear();
        if (own.digits().size() == 0) {
            throw new ImageFolderException(images + " holds no digit images to train on (only " + NOT_A_DIGIT_NOTE + ")");
        }
        System.out.printf(Locale.ROOT, "Own images: %d digits of %s, %.0f %% of the training set%s%s%n", own.digits().size(), images,
                imagesShare * 100,
                own.nonDigits().size() == 0 ? "" : "; its " + own.nonDigits().size() + " " + NOT_A_DIGIT_NOTE + " are not trained on",
                own.skipped().isEmpty() ? "" : "; " + own.skipped().size() + " files left out (first: "
                        + own.name(own.skipped().get(0).file()) + ", " + own.skipped().get(0).reason() + ")");
        return own;
    }

    private static final String NOT_A_DIGIT_NOTE = "not-a-digit images";

    private int trainAndSave(TrainingRequest request, Digits train, Digits own, Digits test, LabelFixes fixes, ProgressLine line,
                             PrintStream o, CancellationToken cancel) throws Exception {
        digitloop.model.LoadedModel start = from == null ? null : ModelFile.load(from);
        TrainingPipeline.Outcome outcome = TrainingPipeline.run(request, start, train, own, imagesShare, test, fixes, transferStrategy(),
                freeze, new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                line.draw(String.format(Locale.ROOT, "epoch %d/%d", e.epoch(), epochs), (double) e.batch() / e.batchesPerEpoch(),
                        String.format(Locale.ROOT, "loss %.4f  ETA %s", e.loss(), TrainingProgress.duration(e.secondsRemaining())));
            }

            @Override
            public void onEpoch(EpochMetrics m, int total) {
                line.clear();
                o.printf(Locale.ROOT, "%5d  %10.4f  %9.4f  %8.4f  %7.4f  %.2e  %5.1fs%n", m.epoch(), m.trainLoss(),
                        m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(), m.learningRate(), m.seconds());
            }
        }, cancel);
        line.clear();
        TrainingResult result = outcome.result();
        if (outcome.model() == null) {
            System.err.println("error: " + result.message() + "; nothing was saved.");
            return 1;
        }
        if (cancel.isCancelled()) {
            System.err.println("error: stopped by Ctrl+C after training; nothing was saved.");
            return 1;
        }
        ModelFile.save(out, outcome.model().network(), outcome.model().metadata().withSettings(resolvedSettings()));
        o.printf(Locale.ROOT, "%s; best epoch %d. Test accuracy %.4f, macro-F1 %.4f. Trusted threshold %.4f. Saved %s%n",
                result.message(), result.bestEpoch(), outcome.test().accuracy(), outcome.test().macroF1(),
                outcome.model().metadata().trustedThreshold(), out);
        return result.status() == TrainingResult.Status.DIVERGED ? 1 : 0;
    }
}
