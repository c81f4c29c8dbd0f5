package digitloop.model;

/**
 * How a model was trained, for its provenance.
 *
 * @param augmentation a human-readable description, e.g. "shift ±2 px, rotate ±10°", or "none"
 * @param humanLabels  how many labels from a person (or oracle) the training set held
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double learningRateDecay,
                               long seed, double validationFraction, String augmentation,
                               int trainSize, int validationSize, int humanLabels, double seconds) {
}
