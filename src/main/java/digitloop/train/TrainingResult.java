package digitloop.train;

import digitloop.model.EpochMetrics;
import digitloop.model.LoadedModel;
import java.util.List;

/**
 * The outcome of a run: the best-on-validation model (its metadata has no test metrics yet), the
 * history, and how the run ended.
 */
public record TrainingResult(LoadedModel model, List<EpochMetrics> history, int bestEpoch, Status status, String message) {
    public enum Status { COMPLETED, STOPPED_EARLY, CANCELLED, DIVERGED }

    /** True when the run produced a model worth keeping (at least one finished epoch). */
    public boolean hasModel() { return model != null; }
}
