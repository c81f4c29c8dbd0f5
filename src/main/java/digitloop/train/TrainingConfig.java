package digitloop.train;

import digitloop.data.Augmentation;

/**
 * How to train.
 *
 * @param learningRateDecay factor the learning rate is multiplied by after each epoch (1 = constant)
 * @param patience          epochs without a better validation accuracy before stopping early; 0 = never
 * @param nonDigitShare     synthetic non-digits added to each batch with a uniform target, as a share
 *                          of the batch's digits (outlier exposure; 0 = none), see {@link digitloop.data.NonDigitSketches}
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double learningRateDecay,
                             long seed, double validationFraction, int patience, Augmentation augmentation,
                             double nonDigitShare) {
    public static final TrainingConfig DEFAULT = new TrainingConfig(10, 64, 1e-3, 0.8, 1, 0.1, 0, Augmentation.NONE);

    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(learningRateDecay > 0) || learningRateDecay > 1) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1], got " + learningRateDecay);
        }
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (augmentation == null) augmentation = Augmentation.NONE;
        if (!(nonDigitShare >= 0) || nonDigitShare > 1) {
            throw new IllegalArgumentException("the share of non-digits must be in [0, 1], got " + nonDigitShare);
        }
    }

    /** Without non-digits. */
    public TrainingConfig(int epochs, int batchSize, double learningRate, double learningRateDecay, long seed,
                          double validationFraction, int patience, Augmentation augmentation) {
        this(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, patience, augmentation, 0);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, learningRate, learningRateDecay, seed, validationFraction, patience, augmentation, nonDigitShare);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, learningRate, learningRateDecay, seed, validationFraction, patience, augmentation, nonDigitShare);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, s, validationFraction, patience, augmentation, nonDigitShare);
    }

    public TrainingConfig withLearningRate(double lr, double decay) {
        return new TrainingConfig(epochs, batchSize, lr, decay, seed, validationFraction, patience, augmentation, nonDigitShare);
    }

    public TrainingConfig withAugmentation(Augmentation a) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, patience, a, nonDigitShare);
    }

    public TrainingConfig withPatience(int p) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, p, augmentation, nonDigitShare);
    }

    public TrainingConfig withNonDigits(double share) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, patience, augmentation, share);
    }
}
