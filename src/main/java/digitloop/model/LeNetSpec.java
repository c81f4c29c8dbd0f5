package digitloop.model;

/**
 * LeNet as DL4J's own example builds it (conv 5x5x20, max-pool, conv 5x5x50, max-pool, dense 500,
 * softmax): the benchmark's reference network, and a fast alternative to the default CNN.
 */
public record LeNetSpec(double dropout) implements ArchitectureSpec {
    public static final LeNetSpec DEFAULT = new LeNetSpec(0);

    @Override public String kind() { return "lenet"; }

    @Override public String describe() { return "LeNet 20-50, dense 500" + (dropout > 0 ? ", dropout " + dropout : ""); }
}
