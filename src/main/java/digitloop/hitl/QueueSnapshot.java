package digitloop.hitl;

import java.util.List;

/**
 * A review queue as it was shown: the strategy and the pool sample ids in order. Written to the
 * journal when a queue is built, so a restarted app can put the same queue back, at the same place.
 */
public record QueueSnapshot(long timeMillis, String strategy, List<Integer> sampleIds) {
    public QueueSnapshot {
        sampleIds = List.copyOf(sampleIds);
    }
}
