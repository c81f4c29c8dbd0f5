package digitloop.train;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Set by whoever wants long work to stop; checked by the work between batches. It is a
 * {@link BooleanSupplier} so the model package can check it without depending on training.
 */
public final class CancellationToken implements BooleanSupplier {
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    @Override
    public boolean getAsBoolean() { return cancelled; }

    public void throwIfCancelled() {
        if (cancelled) throw new CancellationException("cancelled");
    }
}
