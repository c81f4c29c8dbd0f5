package digitloop.ui;

import digitloop.train.CancellationToken;

/** What a running task sees of its runner. */
public interface TaskContext {
    /** Fraction in [0, 1] or negative for "indeterminate"; safe from any thread. */
    void progress(double fraction, String message);

    CancellationToken cancellation();
}
