package digitloop.gan;

import java.util.List;

/**
 * What a checkpoint knows besides the two networks: the run's shape and settings, the epochs done with
 * their figures, Adam's step count, the seconds trained so far and the MD5 of the training images.
 */
public record GanState(GanSpec spec, GanConfig config, int epochsDone, int iteration, List<GanEpoch> history,
                       double seconds, String dataMd5, String generatorFile, String discriminatorFile) {
    public GanState {
        history = List.copyOf(history);
    }
}
