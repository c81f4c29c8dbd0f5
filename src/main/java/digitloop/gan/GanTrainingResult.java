package digitloop.gan;

import java.util.List;

/** How a GAN run ended, its epochs, the generator it reached (null when stopped before the first epoch) and the seconds trained. */
public record GanTrainingResult(Status status, String message, Generator generator, List<GanEpoch> history, double seconds,
                                String dataMd5) {
    public enum Status { COMPLETED, CANCELLED, DIVERGED }

    public GanTrainingResult {
        history = List.copyOf(history);
    }

    /** The last epoch's figures, or null. */
    public GanEpoch last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
