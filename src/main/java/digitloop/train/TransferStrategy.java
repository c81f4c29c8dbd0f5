package digitloop.train;

import java.util.Locale;

/**
 * How a network trained on one task starts another (clean → noisy, 28×28 → 14×14, MNIST → a person's
 * handwriting): which of its layers keep learning.
 */
public enum TransferStrategy {
    /** Every layer goes on learning from the source's weights. */
    FULL("all layers fine-tuned from the source's weights"),
    /** The feature layers (convolutions and their batch-norm) stay frozen; the dense head is re-initialised and only it learns. */
    HEAD("feature layers frozen, a new dense head trained"),
    /** HEAD for the first third of the epochs, then every layer at a tenth of the learning rate. */
    GRADUAL("new head first (a third of the epochs), then all layers at a tenth of the rate");

    private final String description;

    TransferStrategy(String description) {
        this.description = description;
    }

    public String describe() { return description; }

    /** Parses "full", "head" or "gradual", with a sentence naming the choices otherwise. */
    public static TransferStrategy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transfer strategy '" + text + "': choose full, head or gradual");
        }
    }
}
