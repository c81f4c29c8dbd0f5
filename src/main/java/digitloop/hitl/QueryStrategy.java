package digitloop.hitl;

import digitloop.model.Classifier;
import digitloop.task.CancellationToken;

/** Picks which pool samples to ask a person about. */
public interface QueryStrategy {
    String name();

    /** Up to {@code k} pool indices, most informative first. */
    default int[] select(Classifier model, Pool pool, int k, QueryOptions options) {
        return select(model, pool, k, options, CancellationToken.none());
    }

    /** As above; scoring stops with a {@link java.util.concurrent.CancellationException} once {@code cancelled} says so. */
    int[] select(Classifier model, Pool pool, int k, QueryOptions options, CancellationToken cancelled);
}
