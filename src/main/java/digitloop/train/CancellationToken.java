package digitloop.train;

import java.util.concurrent.CancellationException;

/** Set by whoever wants long work to stop; checked by the work between batches. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    public void throwIfCancelled() {
        if (cancelled) throw new CancellationException("cancelled");
    }
}
