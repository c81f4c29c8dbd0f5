package digitloop.train;

import digitloop.task.ProgressSink;
import java.util.Locale;

/** A training run's batches as progress: the share of all batches done and a line with the time left. */
public final class TrainingProgress {
    private TrainingProgress() {
    }

    /** A listener that reports each batch to {@code sink}: "{@code prefix}epoch 2 of 5, batch 10 of 422, about 1:10 left". */
    public static TrainingListener to(ProgressSink sink, int epochs, String prefix) {
        return new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                sink.progress(fraction(e, epochs), String.format(Locale.ROOT, "%sepoch %d of %d, batch %d of %d, about %s left", prefix,
                        e.epoch(), epochs, e.batch(), e.batchesPerEpoch(), duration(e.secondsRemaining())));
            }
        };
    }

    /** The share of a run of {@code epochs} epochs done after this batch, 0-1. */
    public static double fraction(IterationEvent e, int epochs) {
        return (e.epoch() - 1 + (double) e.batch() / e.batchesPerEpoch()) / epochs;
    }

    /** "1:05" or, from an hour on, "1:02:05". */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
