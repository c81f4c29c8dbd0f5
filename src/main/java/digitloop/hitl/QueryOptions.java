package digitloop.hitl;

/**
 * How a strategy searches the pool.
 *
 * @param subsample score only this many random pool samples (Gal et al. score 2,000); 0 = all
 * @param diverse   spread one acquisition over different-looking samples instead of k near-copies
 * @param mcPasses  stochastic passes for BALD and variation ratios
 */
public record QueryOptions(int subsample, boolean diverse, int mcPasses, long seed) {
    public static final QueryOptions DEFAULT = new QueryOptions(0, false, 20, 1);

    public QueryOptions withSeed(long s) {
        return new QueryOptions(subsample, diverse, mcPasses, s);
    }
}
