package digitloop.gan;

/** What a GAN training run reports, on the training thread. */
public interface GanListener {
    GanListener NONE = new GanListener() { };

    /** After each batch: where the run is and the seconds it expects still to need. */
    default void onBatch(int epoch, int epochs, int batch, int batchesPerEpoch, double secondsRemaining) { }

    /** After each epoch: its figures and the fixed-noise sample grid (a row per label 0-9, a column per noise vector). */
    default void onEpoch(GanEpoch epoch, int epochs, SampleGrid samples) { }
}
