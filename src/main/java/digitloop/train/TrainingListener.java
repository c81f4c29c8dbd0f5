package digitloop.train;

import digitloop.model.EpochMetrics;

/** Progress of a training run. Called on the training thread: a UI must hop to its own thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    /** After each mini-batch. */
    default void onIteration(IterationEvent event) { }

    /** After each epoch, with train and validation metrics. */
    default void onEpoch(EpochMetrics metrics, int totalEpochs) { }

    /** Before the first batch. */
    default void onStart(int totalEpochs, int batchesPerEpoch) { }
}
