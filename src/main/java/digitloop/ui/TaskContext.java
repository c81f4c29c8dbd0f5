package digitloop.ui;

import digitloop.train.CancellationToken;

/** What a running task sees of its runner. */
public interface TaskContext {
    /** Fraction in [0, 1] or negative for "indeterminate"; safe from any thread. */
    void progress(double fraction, String message);

    CancellationToken cancellation();

    /** Cancel should also interrupt this task's thread (for blocking I/O such as a download, never for DL4J). */
    void interruptOnCancel();
}
