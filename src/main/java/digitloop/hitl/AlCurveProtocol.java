package digitloop.hitl;

import digitloop.data.Augmentation;
import digitloop.model.CnnSpec;
import java.util.List;
import java.util.Locale;

/**
 * The active-learning curve protocol of Gal, Islam &amp; Ghahramani (2017), "Deep Bayesian Active
 * Learning with Image Data": a balanced start set, fixed-size acquisitions, a small dropout CNN
 * trained from scratch after every acquisition, candidates scored on a random subset of the pool.
 *
 * @param stepsPerRound gradient steps per round at most; a round takes {@link #PASSES} passes over its
 *                      labelled set, but never fewer than {@link #MIN_STEPS} steps nor more than this
 * @param testSize      test images to evaluate on, 0 for the whole test set
 */
public record AlCurveProtocol(int initialLabels, int perRound, int maxLabels, int validation, int subsample, int mcPasses,
                              int stepsPerRound, int batchSize, double learningRate, CnnSpec model, Augmentation augmentation,
                              int testSize) {
    /** The learning rate steps down this many times in a round (by {@link #DECAY} each time): a simple anneal. */
    public static final int EPOCHS = 5;
    /**
     * Passes over the labelled set per round (Gal et al. trained 50 epochs). Measured here on the
     * 1,000 labels max entropy chose (seed 1), test accuracy after one training: 96.98 % with 16
     * passes (500 steps of 32), 98.41 % with 64 (500 of 128), 98.42 % with 48 (1,500 of 32), 98.69 %
     * with 64 passes in 1,000 steps of 64 (one seed each). 16 passes underfit; the protocol takes 64 in batches of 64.
     */
    public static final int PASSES = 64;
    /** Small sets still get this many steps: 200 steps on 20 images is 320 passes, far past fitting them. */
    public static final int MIN_STEPS = 200;
    public static final double DECAY = 0.7;

    /**
     * Gal et al.: 20 balanced labels, +10 per round to 1,000, 100 validation images (held out as Gal
     * et al. did; the fixed-step training needs no checkpoint), 2,000 pool images scored per round,
     * T = 20 MC dropout passes; their Keras CNN (two 32-filter convolutions, dense 128, dropout 0.5)
     * here with batch-norm; Adam at 1e-3, batches of 64, 64 passes over the labelled set per round
     * within 200..1,000 steps (1,000 steps at 1,000 labels), random shifts of ±2 px and turns of ±10°
     * (Gal et al. used none: --no-augment).
     */
    public static final AlCurveProtocol GAL_2017 = new AlCurveProtocol(20, 10, 1000, 100, 2000, 20, 1000, 64, 1e-3,
            new CnnSpec(List.of(32, 32), 3, 128, 0.5), Augmentation.STANDARD, 0);

    public AlCurveProtocol {
        if (initialLabels < 10 || perRound < 1 || maxLabels < initialLabels) {
            throw new IllegalArgumentException("need >= 10 initial labels (one per digit), >= 1 per round and max >= initial; got "
                    + initialLabels + ", " + perRound + ", " + maxLabels);
        }
        if (stepsPerRound < 1 || batchSize < 1 || mcPasses < 1 || subsample < 0 || validation < 0 || testSize < 0) {
            throw new IllegalArgumentException("steps, batch size and MC passes must be >= 1; subsample, validation, test size >= 0");
        }
    }

    /** Steps for a round on {@code labelled} images: {@link #PASSES} passes, within [MIN_STEPS, stepsPerRound]. */
    public int stepsFor(int labelled) {
        long passes = ((long) PASSES * labelled + batchSize - 1) / batchSize;
        return (int) Math.min(stepsPerRound, Math.max(Math.min(MIN_STEPS, stepsPerRound), passes));
    }

    /** A tiny version for smoke tests and CI: a few rounds, few steps, a 1,000-image test subset. */
    public AlCurveProtocol quick() {
        return new AlCurveProtocol(initialLabels, perRound, initialLabels + 3 * perRound, validation, 300, 5, 40, batchSize,
                learningRate, model, augmentation, 1000);
    }

    public AlCurveProtocol withMaxLabels(int max) {
        return new AlCurveProtocol(initialLabels, perRound, max, validation, subsample, mcPasses, stepsPerRound, batchSize,
                learningRate, model, augmentation, testSize);
    }

    public AlCurveProtocol withSteps(int steps) {
        return new AlCurveProtocol(initialLabels, perRound, maxLabels, validation, subsample, mcPasses, steps, batchSize,
                learningRate, model, augmentation, testSize);
    }

    public AlCurveProtocol withAugmentation(Augmentation a) {
        return new AlCurveProtocol(initialLabels, perRound, maxLabels, validation, subsample, mcPasses, stepsPerRound, batchSize,
                learningRate, model, a, testSize);
    }

    public AlCurveProtocol withTestSize(int n) {
        return new AlCurveProtocol(initialLabels, perRound, maxLabels, validation, subsample, mcPasses, stepsPerRound, batchSize,
                learningRate, model, augmentation, n);
    }

    /** Everything that changes the numbers, in one line: a CSV written under another protocol is not resumed. */
    public String key() {
        return String.format(Locale.ROOT, "initial=%d per_round=%d validation=%d subsample=%d mc=%d steps=%d..%d/%dpasses batch=%d lr=%g "
                        + "anneal=%dx%g model=[%s] augmentation=[%s] test=%d", initialLabels, perRound, validation, subsample,
                mcPasses, Math.min(MIN_STEPS, stepsPerRound), stepsPerRound, PASSES, batchSize, learningRate, EPOCHS, DECAY, model.describe(), augmentation.describe(), testSize);
    }
}
