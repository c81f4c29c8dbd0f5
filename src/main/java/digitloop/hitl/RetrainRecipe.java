package digitloop.hitl;

import digitloop.data.Augmentation;
import java.util.Locale;

/**
 * How a review round retrains. A model trained on most of MNIST is fine-tuned on a replay sample of
 * its own training images plus the person's labels, repeated so they weigh; a small-start model is
 * trained anew on everything it has, as the al-curve does (docs/active-learning.md).
 *
 * @param replay          images of the model's own training set shown again beside the labels (0 = all of it)
 * @param repeat          how many times each human label is repeated in the set
 * @param passes          passes over that set
 * @param freezeBatchNorm put the batch-norm running statistics back after the fine-tune, so a few
 *                        thousand images cannot drag the statistics of 54,000
 * @param fromScratch     train a fresh network instead of fine-tuning a copy
 * @param trainableLayers a fine-tune changes only the last this many layers (DL4J's TransferLearning freezes
 *                        the rest, which then run as at inference, batch-norm included); 0 = all layers
 * @param momentum        a fine-tune steps by SGD with this Nesterov momentum instead of Adam (0 = Adam): a fresh
 *                        Adam state moves every weight by about the learning rate per step, converged or not
 * @param maxSteps        a retrain from scratch takes {@code passes} passes, but no more steps than this (nor fewer than
 *                        the al-curve's {@link AlCurveProtocol#MIN_STEPS})
 */
public record RetrainRecipe(int replay, int repeat, int passes, int batchSize, double learningRate, Augmentation augmentation,
                            boolean freezeBatchNorm, boolean fromScratch, int trainableLayers, double momentum, int maxSteps) {
    /**
     * The fine-tune of a model trained on most of MNIST: only the dense and output layers change, by Adam at
     * 1e-4, one pass over 4,000 replayed images and the labels 8 times each. Measured on the default CNN
     * (docs/review-loop.md, `./digitloop experiment review-round`): every layer at 1e-4 lost 0.36-0.65 test
     * points; at 1e-5, or the last two layers at 1e-4, the change stayed within 2 test images.
     */
    public static final RetrainRecipe FINE_TUNE = new RetrainRecipe(4000, 8, 1, 64, 1e-4, Augmentation.STANDARD, true, false, 2, 0, Integer.MAX_VALUE);
    /**
     * "Adapt to my handwriting": the review loop's fine-tune as it is. On synthetic writers it lifts the writer's
     * unseen digits without moving MNIST (`experiment adapt`, docs/handwriting.md, "Adapting to one hand").
     */
    public static final RetrainRecipe ADAPT = FINE_TUNE;
    /**
     * A small-start project retrains from scratch with the al-curve's schedule but twice its passes, 128, up to 4,000
     * steps: on the 1,500 labels the three ten-round projects ended with (docs/review-loop.md, "Passes"), the same
     * training seeds reached 98.85, 98.67 and 98.94 % on the test set against 98.62, 98.60 and 98.74 % with 64 passes
     * (`experiment small-start-recipe`); stronger augmentation (zoom, slant, elastic) lost 1.5 points there.
     */
    public static final RetrainRecipe SMALL_START = new RetrainRecipe(0, 1, 2 * AlCurveProtocol.PASSES, 64, 1e-3, Augmentation.STANDARD,
            false, true, 0, 0, 4000);

    public RetrainRecipe {
        if (maxSteps < 1) throw new IllegalArgumentException("max steps must be >= 1, got " + maxSteps);
        if (trainableLayers < 0) throw new IllegalArgumentException("trainable layers must be >= 0, got " + trainableLayers);
        if (replay < 0 || repeat < 1 || passes < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("replay >= 0, repeat, passes and batch size >= 1 and a positive learning rate, got "
                    + replay + ", " + repeat + ", " + passes + ", " + batchSize + ", " + learningRate);
        }
    }

    public static RetrainRecipe forWorkflow(ReviewContract.Workflow w) {
        return w == ReviewContract.Workflow.SMALL_START ? SMALL_START : FINE_TUNE;
    }

    public RetrainRecipe withReplay(int r) {
        return new RetrainRecipe(r, repeat, passes, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withRepeat(int k) {
        return new RetrainRecipe(replay, k, passes, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withLearningRate(double lr) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, lr, augmentation, freezeBatchNorm, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withPasses(int p) {
        return new RetrainRecipe(replay, repeat, p, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withFreezeBatchNorm(boolean f) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, learningRate, augmentation, f, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withMomentum(double m) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, trainableLayers, m, maxSteps);
    }

    public RetrainRecipe withTrainableLayers(int n) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, n, momentum, maxSteps);
    }

    public RetrainRecipe withAugmentation(Augmentation a) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, learningRate, a, freezeBatchNorm, fromScratch, trainableLayers, momentum, maxSteps);
    }

    public RetrainRecipe withMaxSteps(int n) {
        return new RetrainRecipe(replay, repeat, passes, batchSize, learningRate, augmentation, freezeBatchNorm, fromScratch, trainableLayers, momentum, n);
    }

    /** Steps of a retrain from scratch on {@code n} images: {@link #passes()} passes within [MIN_STEPS, maxSteps]. */
    public int stepsFromScratch(int n) {
        int batch = Math.min(batchSize, n);
        long steps = ((long) passes * n + batch - 1) / batch;
        return (int) Math.min(maxSteps, Math.max(AlCurveProtocol.MIN_STEPS, steps));
    }

    public String describe() {
        return fromScratch
                ? String.format(Locale.ROOT, "from scratch, %d passes (%d..%,d steps), Adam %g, batch %d, %s", passes, AlCurveProtocol.MIN_STEPS,
                maxSteps, learningRate, batchSize, augmentation.describe())
                : String.format(Locale.ROOT, "fine-tune of %s: replay %s + labels x%d, %d pass%s, %s %g, batch %d, %s%s",
                        trainableLayers == 0 ? "all layers" : "the last " + trainableLayers + " layers",
                        replay == 0 ? "all" : String.format(Locale.ROOT, "%,d", replay), repeat, passes, passes == 1 ? "" : "es",
                        momentum > 0 ? String.format(Locale.ROOT, "SGD (Nesterov %.2f)", momentum) : "Adam", learningRate, batchSize, augmentation.describe(), trainableLayers > 0 ? ""
                                : ", batch-norm statistics " + (freezeBatchNorm ? "frozen" : "updated"));
    }
}
