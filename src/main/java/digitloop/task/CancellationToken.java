package digitloop.task;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Set by whoever wants long work to stop; checked by the work between batches, files or rounds.
 * Work that blocks where it cannot poll (a download, a child process) registers an action with
 * {@link #onCancel} instead, typically interrupting its own thread.
 */
public final class CancellationToken {
    private volatile boolean cancelled;
    /** How often the work asked; lets a test show that Cancel is noticed at the next check, whatever the machine's speed. */
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    /** Asks the work to stop, and runs every registered action once. */
    public void cancel() {
        if (cancelled) return;
        cancelled = true;
        for (Runnable action : actions) action.run();
    }

    public boolean isCancelled() {
        checks.incrementAndGet();
        return cancelled;
    }

    /** How many times the work has checked this token so far. */
    public long checks() { return checks.get(); }

    /** Throws {@link CancellationException} once {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (isCancelled()) throw new CancellationException("cancelled");
    }

    /**
     * Runs {@code action} on cancel (at once if the token is already cancelled) until the returned
     * registration is closed.
     */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) action.run();
        return () -> actions.remove(action);
    }

    /** An action registered with {@link #onCancel}; closing it removes it. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
