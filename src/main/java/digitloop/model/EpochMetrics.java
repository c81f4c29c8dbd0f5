package digitloop.model;

/** One epoch of training, as charted live and kept in the model's sidecar. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy,
                           double learningRate, double seconds) {
}
