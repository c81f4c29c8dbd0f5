package digitloop.train;

/** One mini-batch done: its loss and where the run stands, for progress bars and the loss chart. */
public record IterationEvent(int epoch, int batch, int batchesPerEpoch, long iteration, double loss,
                             double secondsElapsed, double secondsRemaining) {
}
