package digitloop.hitl;

import digitloop.model.Classifier;

/** Picks which pool samples to ask a person about. */
public interface QueryStrategy {
    String name();

    /** Up to {@code k} pool indices, most informative first. */
    int[] select(Classifier model, Pool pool, int k, QueryOptions options);
}
