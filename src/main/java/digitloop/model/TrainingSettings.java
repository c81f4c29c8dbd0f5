package digitloop.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How a model was trained, for its provenance.
 *
 * @param seed         seed of initialisation, shuffling and augmentation
 * @param augmentation a human-readable description, e.g. "shift ±2 px, rotate ±10°", or "none"
 * @param humanLabels  how many labels from a person (or oracle) the training set held
 * @param splitSeed    seed of the train/validation split, when it is not {@code seed}: a continued
 *                     model keeps the split of the model it started from; null in older files
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double learningRateDecay,
                               long seed, double validationFraction, String augmentation,
                               int trainSize, int validationSize, int humanLabels, double seconds, Long splitSeed) {
    @JsonCreator
    public TrainingSettings {
    }

    public TrainingSettings(int epochs, int batchSize, double learningRate, double learningRateDecay, long seed,
                            double validationFraction, String augmentation, int trainSize, int validationSize,
                            int humanLabels, double seconds) {
        this(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, augmentation, trainSize,
                validationSize, humanLabels, seconds, null);
    }

    /** The seed the train/validation split was drawn with. */
    public long validationSplitSeed() {
        return splitSeed == null ? seed : splitSeed;
    }

    public TrainingSettings withSplitSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, learningRateDecay, seed, validationFraction, augmentation,
                trainSize, validationSize, humanLabels, seconds, s == seed ? null : s);
    }
}
