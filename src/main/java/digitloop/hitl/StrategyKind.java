package digitloop.hitl;

/** The query strategies on offer. */
public enum StrategyKind {
    ENTROPY("max entropy", false),
    MARGIN("margin", false),
    LEAST_CONFIDENCE("least confidence", false),
    RANDOM("random", false),
    BALD("BALD (MC dropout)", true),
    VARIATION_RATIOS("variation ratios (MC dropout)", true);

    private final String label;
    private final boolean bayesian;

    StrategyKind(String label, boolean bayesian) {
        this.label = label;
        this.bayesian = bayesian;
    }

    public String label() { return label; }

    /** Needs MC-dropout passes, so a model trained with dropout. */
    public boolean bayesian() { return bayesian; }

    public QueryStrategy create() {
        return new ScoredStrategy(this);
    }

    @Override
    public String toString() { return label; }
}
