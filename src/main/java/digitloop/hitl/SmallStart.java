package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.model.ArchitectureSpec;
import digitloop.model.CnnSpec;
import digitloop.model.LoadedModel;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainedOn;
import digitloop.task.CancellationToken;
import digitloop.train.Thresholds;
import java.util.Locale;

/**
 * The first model of an active-learning project: trained on a small balanced labelled start, so the
 * rest of MNIST's training images is a pool it has never seen (the protocol of docs/active-learning.md).
 */
public final class SmallStart {
    /** The al-curve's CNN: two 32-filter convolutions with batch-norm, dense 128, dropout 0.5. */
    public static final CnnSpec MODEL = AlCurveProtocol.GAL_2017.model();
    /**
     * Validation images of a project: they judge every retrain and set the thresholds. A thousand were too
     * few: in 48 rounds of the small-start runs (docs/review-loop.md) the gate's verdict on 1,000 images
     * differed from the 10,000-image test set's in 18, keeping candidates up to 0.31 points better and
     * accepting some up to 0.37 worse, and a model that was lucky on them locked out better ones for rounds.
     * Five times as many halve the spread of a round's difference ({@code 1/sqrt(5)}); projects made before
     * keep the count their sidecar records.
     */
    public static final int VALIDATION = 5000;

    private SmallStart() {
    }

    /** Trains the start model on {@code labelled} balanced images of {@code train} (MNIST's training images). */
    public static LoadedModel train(Digits train, int labelled, long seed, ArchitectureSpec spec, digitloop.task.ProgressSink progress,
                                    CancellationToken cancel) {
        PoolSplit split = PoolSplit.balanced(train, labelled, VALIDATION, seed);
        int batch = Math.min(RetrainRecipe.SMALL_START.batchSize(), labelled);
        int steps = RetrainRecipe.SMALL_START.stepsFromScratch(labelled);
        FixedStepTraining training = new FixedStepTraining(steps, batch, RetrainRecipe.SMALL_START.learningRate(), AlCurveProtocol.DECAY,
                Math.max(1, steps / AlCurveProtocol.EPOCHS), RetrainRecipe.SMALL_START.augmentation(), seed);
        var network = digitloop.model.NetworkFactory.build(spec, train.side(), seed, training.learningRate());
        boolean done = training.fit(network, split.labeled(), step -> {
            if (step % 5 == 0 || step == steps) {
                progress.progress((double) step / steps, String.format(Locale.ROOT, "Training the start model on %,d labels: step %d of %d",
                        labelled, step, steps));
            }
        }, cancel);
        cancel.throwIfCancelled();
        if (!done) throw new java.util.concurrent.CancellationException("training cancelled");
        LoadedModel trained = training.describe(network, spec, split.labeled(), 0);
        ModelMetadata m = trained.metadata().withName(String.format(Locale.ROOT, "start%d-seed%d", labelled, seed))
                .withTrainedOn(TrainedOn.smallStart(train.size(), labelled, VALIDATION, seed));
        Thresholds.Measured thresholds = Thresholds.measure(network, m, split.validation());
        return new LoadedModel(network, m.withThresholds(thresholds.trusted(), thresholds.energy()), null);
    }
}
