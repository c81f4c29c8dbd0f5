package digitloop.train;

import digitloop.task.CancellationToken;
import digitloop.data.Augmentation;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.ArchitectureSpec;
import digitloop.model.Classifier;
import digitloop.model.EpochMetrics;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import digitloop.model.NativeBackend;
import digitloop.model.NetworkFactory;
import digitloop.model.Scores;
import digitloop.model.TrainingSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batch training with Adam: seeded shuffling, optional augmentation, a per-epoch decaying
 * learning rate, the best epoch on validation kept, optional early stopping, and cancellation
 * checked before every batch. Inputs must already carry the degradation the model is for.
 */
public final class Trainer {
    /** Training accuracy per epoch is measured on this many training samples, in inference mode. */
    static final int TRAIN_ACCURACY_SAMPLE = 5000;

    private final TrainingConfig config;
    private Path checkpoint;
    private String name = "model";
    private int humanLabels;

    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    /** Writes the best model so far to {@code file} (atomically) whenever validation improves. */
    public Trainer checkpointTo(Path file) {
        this.checkpoint = file;
        return this;
    }

    public Trainer named(String modelName) {
        this.name = modelName;
        return this;
    }

    /** How many of the training labels came from a person or an oracle, for the model's provenance. */
    public Trainer withHumanLabels(int count) {
        this.humanLabels = count;
        return this;
    }

    /** Trains a new network of {@code spec}. */
    public TrainingResult train(ArchitectureSpec spec, Degradation degradation, Digits train, Digits validation,
                                TrainingListener listener, CancellationToken cancel) {
        MultiLayerNetwork network = NetworkFactory.build(spec, train.side(), config.seed(), config.learningRate());
        return fit(network, spec, degradation, train, validation, listener, cancel);
    }

    /** Continues training {@code start} (a copy of it; the original is left alone). */
    public TrainingResult fineTune(LoadedModel start, Digits train, Digits validation,
                                   TrainingListener listener, CancellationToken cancel) {
        MultiLayerNetwork network = start.network().clone();
        network.setLearningRate(config.learningRate());
        ModelMetadata m = start.metadata();
        return fit(network, m.architecture(), m.degradation(), train, validation, listener, cancel);
    }

    /**
     * Starts from {@code source} on another task — its own input ({@code target}: noisy, 14×14) and data —
     * by {@code strategy}: the source's weights are copied into a network built for the target's input,
     * then all of it learns (FULL), only a new dense head (HEAD), or the head first and then everything at a
     * tenth of the rate (GRADUAL). {@code freeze} > 0 freezes only that many first layers. The model
     * returned is a plain network again (no frozen wrappers), ready to save, fold and fine-tune.
     */
    public TrainingResult transfer(LoadedModel source, TransferStrategy strategy, int freeze, Degradation target, Digits train,
                                   Digits validation, TrainingListener listener, CancellationToken cancel) {
        ArchitectureSpec spec = source.metadata().architecture();
        MultiLayerNetwork shaped = Transfer.copyWeights(source.network(),
                NetworkFactory.build(spec, train.side(), config.seed(), config.learningRate()));
        MultiLayerNetwork first = Transfer.prepare(shaped, strategy, freeze, config.learningRate(), config.seed());
        if (strategy != TransferStrategy.GRADUAL) return plain(fit(first, spec, target, train, validation, listener, cancel), shaped);
        int headEpochs = Math.max(1, config.epochs() / 3);
        TrainingResult head = with(config.withEpochs(headEpochs)).fit(first, spec, target, train, validation, listener, cancel);
        if (!head.hasModel() || head.status() == TrainingResult.Status.CANCELLED || config.epochs() == headEpochs) return plain(head, shaped);
        double rate = config.learningRate() / 10;
        MultiLayerNetwork all = Transfer.unfreeze(head.model().network(), shaped, rate);
        TrainingResult rest = with(config.withEpochs(config.epochs() - headEpochs).withLearningRate(rate, config.learningRateDecay()))
                .fit(all, spec, target, train, validation, listener, cancel);
        if (!rest.hasModel()) return plain(head, shaped);
        List<EpochMetrics> history = new ArrayList<>(head.history());
        history.addAll(rest.history());
        return new TrainingResult(rest.model(), List.copyOf(history), headEpochs + rest.bestEpoch(), rest.status(), rest.message());
    }

    /** This trainer's settings for one phase of a transfer, with another config. */
    private Trainer with(TrainingConfig other) {
        Trainer t = new Trainer(other).named(name).withHumanLabels(humanLabels);
        t.checkpoint = checkpoint;
        return t;
    }

    private static TrainingResult plain(TrainingResult r, MultiLayerNetwork shape) {
        if (!r.hasModel()) return r;
        MultiLayerNetwork network = Transfer.unfreeze(r.model().network(), shape, r.model().metadata().training().learningRate());
        return new TrainingResult(new LoadedModel(network, r.model().metadata(), null), r.history(), r.bestEpoch(), r.status(), r.message());
    }

    private TrainingResult fit(MultiLayerNetwork network, ArchitectureSpec spec, Degradation degradation,
                               Digits train, Digits validation, TrainingListener listener, CancellationToken cancel) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("There is nothing to train on: the labelled set is empty.");
        }
        Augmentation augmentation = config.augmentation();
        Digits given = train;
        if (augmentation.growsTheSet()) {
            // Grown once, seeded apart from the batches' shuffling; the copies then train as they are.
            train = augmentation.extend(train, augmentation.copies(), config.seed() * 7 + 3);
            augmentation = Augmentation.NONE;
        }
        int side = train.side();
        int pixels = side * side;
        int batch = Math.min(config.batchSize(), train.size());
        int batchesPerEpoch = (train.size() + batch - 1) / batch;
        listener.onStart(config.epochs(), batchesPerEpoch);

        Digits accuracySample = train.size() <= TRAIN_ACCURACY_SAMPLE ? train
                : train.subset(digitloop.data.Splits.permutation(train.size(), config.seed()))
                        .head(TRAIN_ACCURACY_SAMPLE);
        SplittableRandom random = new SplittableRandom(config.seed());
        List<EpochMetrics> history = new ArrayList<>();
        INDArray bestParams = null;
        double bestAccuracy = -1;
        int bestEpoch = 0;
        int sinceBest = 0;
        double learningRate = config.learningRate();
        long started = System.nanoTime();
        long iteration = 0;
        long totalIterations = (long) batchesPerEpoch * config.epochs();
        TrainingResult.Status status = TrainingResult.Status.COMPLETED;
        String message = "completed " + config.epochs() + " epochs";
        OutlierExposure nonDigits = new OutlierExposure(config.nonDigitShare(), degradation);
        int room = batch + nonDigits.extraFor(batch);
        float[] features = new float[room * pixels];
        float[] labels = new float[room * NetworkFactory.CLASSES];

        epochs:
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = digitloop.data.Splits.permutation(train.size(), random.nextLong());
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (cancel.isCancelled()) {
                    status = TrainingResult.Status.CANCELLED;
                    message = "cancelled in epoch " + epoch + ", batch " + (b + 1);
                    break epochs;
                }
                int from = b * batch;
                int count = Math.min(batch, train.size() - from);
                java.util.Arrays.fill(labels, 0f);
                for (int k = 0; k < count; k++) {
                    int i = order[from + k];
                    train.copyImage(i, features, k * pixels);
                    labels[k * NetworkFactory.CLASSES + train.label(i)] = 1f;
                }
                augmentation.apply(features, count, side, random);
                int extra = nonDigits.extraFor(count);
                nonDigits.append(features, labels, side, count, extra, random);
                int rows = count + extra;
                network.fit(new DataSet(
                        Nd4j.create(java.util.Arrays.copyOf(features, rows * pixels), new long[] {rows, pixels}, 'c'),
                        Nd4j.create(java.util.Arrays.copyOf(labels, rows * NetworkFactory.CLASSES),
                                new long[] {rows, NetworkFactory.CLASSES}, 'c')));
                double loss = network.score();
                iteration++;
                if (!Double.isFinite(loss)) {
                    status = TrainingResult.Status.DIVERGED;
                    message = String.format(Locale.ROOT, "training diverged in epoch %d, batch %d (loss %s); %s. "
                            + "Lower the learning rate (now %g) and train again.", epoch, b + 1, loss,
                            bestParams == null ? "no epoch had finished, so there is no model" : "kept the model of epoch " + bestEpoch,
                            config.learningRate());
                    break epochs;
                }
                lossSum += loss;
                double elapsed = (System.nanoTime() - started) / 1e9;
                listener.onIteration(new IterationEvent(epoch, b + 1, batchesPerEpoch, iteration, loss, elapsed,
                        elapsed / iteration * (totalIterations - iteration)));
            }
            ModelMetadata provisional = metadata(spec, degradation, side, history, 0, Thresholds.NO_ENERGY_LIMIT, train, validation, 0);
            Classifier classifier = new Classifier(network, provisional);
            Scores trainScores = classifier.score(accuracySample);
            double trainAccuracy = accuracy(trainScores, accuracySample);
            double validationAccuracy = Double.NaN;
            double validationLoss = Double.NaN;
            if (validation.size() > 0) {
                Scores validationScores = classifier.score(validation);
                validationAccuracy = accuracy(validationScores, validation);
                validationLoss = crossEntropy(validationScores, validation);
            }
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batchesPerEpoch, trainAccuracy,
                    validationLoss, validationAccuracy, learningRate, (System.nanoTime() - epochStart) / 1e9);
            history.add(metrics);
            double score = validation.size() > 0 ? validationAccuracy : epoch;
            if (score > bestAccuracy) {
                bestAccuracy = score;
                bestEpoch = epoch;
                bestParams = network.params().dup();
                sinceBest = 0;
                if (checkpoint != null) {
                    ModelFile.save(checkpoint, network, metadata(spec, degradation, side, history, 0,
                            Thresholds.NO_ENERGY_LIMIT, train, validation, (System.nanoTime() - started) / 1e9));
                }
            } else {
                sinceBest++;
            }
            listener.onEpoch(metrics, config.epochs());
            if (config.patience() > 0 && sinceBest >= config.patience()) {
                status = TrainingResult.Status.STOPPED_EARLY;
                message = "stopped early after epoch " + epoch + ": no better validation accuracy for "
                        + config.patience() + " epochs";
                break;
            }
            learningRate *= config.learningRateDecay();
            network.setLearningRate(learningRate);
        }
        if (bestParams == null) {
            return new TrainingResult(null, history, 0, status, message);
        }
        network.setParams(bestParams);
        double seconds = (System.nanoTime() - started) / 1e9;
        ModelMetadata provisional = metadata(spec, degradation, side, history, 0, Thresholds.NO_ENERGY_LIMIT, given, validation, seconds);
        Thresholds.Measured thresholds = Thresholds.measure(network, provisional, validation);
        ModelMetadata metadata = metadata(spec, degradation, side, history, thresholds.trusted(), thresholds.energy(),
                given, validation, seconds);
        return new TrainingResult(new LoadedModel(network, metadata, null), List.copyOf(history), bestEpoch, status, message);
    }

    private ModelMetadata metadata(ArchitectureSpec spec, Degradation degradation, int side, List<EpochMetrics> history,
                                   double trusted, double energy, Digits train, Digits validation, double seconds) {
        TrainingSettings settings = new TrainingSettings(config.epochs(), config.batchSize(), config.learningRate(),
                config.learningRateDecay(), config.seed(), config.validationFraction(), trainingDataDescription(),
                train.size(), validation.size(), humanLabels, seconds);
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, name, spec, degradation, side, settings, history, null,
                trusted, energy, trainingDataMd5(train), versions(), Instant.now().toString());
    }

    /** The augmentation, and the non-digits when there were any: both change what the model saw. */
    private String trainingDataDescription() {
        String augmentation = config.augmentation().describe();
        if (config.nonDigitShare() == 0) return augmentation;
        return String.format(Locale.ROOT, "%s; non-digit sketches, %.0f %% of each batch, uniform target", augmentation,
                config.nonDigitShare() * 100);
    }

    private String md5;

    private String trainingDataMd5(Digits train) {
        if (md5 == null) md5 = train.contentMd5();
        return md5;
    }

    /** The versions a model file records: DigitLoop, DL4J, Java and the native build. */
    public static Map<String, String> versions() {
        String dl4j = MultiLayerNetwork.class.getPackage().getImplementationVersion();
        return Map.of("digitloop", String.valueOf(Trainer.class.getPackage().getImplementationVersion()),
                "deeplearning4j", dl4j == null ? "1.0.0-M2.1" : dl4j,
                "java", System.getProperty("java.version"),
                "nativeBuild", String.valueOf(NativeBackend.chosen()));
    }

    static double accuracy(Scores scores, Digits digits) {
        int correct = 0;
        for (int i = 0; i < digits.size(); i++) if (scores.argmax(i) == digits.label(i)) correct++;
        return digits.size() == 0 ? 0 : (double) correct / digits.size();
    }

    static double crossEntropy(Scores scores, Digits digits) {
        double sum = 0;
        for (int i = 0; i < digits.size(); i++) {
            sum -= Math.log(Math.max(scores.probabilities()[i][digits.label(i)], 1e-12));
        }
        return digits.size() == 0 ? 0 : sum / digits.size();
    }
}
