package digitloop.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A multi-layer perceptron: dense hidden layers of the given sizes, each followed by dropout.
 *
 * @param activation a DL4J activation name, e.g. "relu"
 * @param dropout    probability of dropping a unit (not DL4J's retain probability)
 */
public record MlpSpec(List<Integer> hidden, String activation, double dropout) implements ArchitectureSpec {
    /** The original project's "simple" model: three hidden layers with dropout 0.3. */
    public static final MlpSpec DEFAULT = new MlpSpec(List.of(512, 256, 128), "relu", 0.3);

    public MlpSpec {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer of size >= 1, got " + hidden);
        }
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }

    @Override public String kind() { return "mlp"; }

    @Override public String describe() {
        return "MLP " + hidden.stream().map(String::valueOf).collect(Collectors.joining("-"))
                + " " + activation + ", dropout " + dropout;
    }
}
