package digitloop.task;

/** What a running task sees of whoever runs it: where to report progress, and whether to stop. */
public interface TaskContext extends ProgressSink {
    CancellationToken cancellation();

    /** A context for work run directly, e.g. by a command or a test. */
    static TaskContext of(ProgressSink sink, CancellationToken cancel) {
        return new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                sink.progress(fraction, message);
            }

            @Override
            public CancellationToken cancellation() {
                return cancel;
            }
        };
    }
}
