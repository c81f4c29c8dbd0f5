package digitloop.ui;

import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import digitloop.task.TaskContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The one mechanism for long work (train, retrain, evaluate, score, load, fetch). A task runs on a
 * worker of its {@link Lane}, reports progress through its {@link TaskContext}, can be cancelled, and
 * every callback arrives on the EDT. Tasks of one lane run one after the other; the two lanes run side
 * by side, so a training run of minutes does not hold up loading or evaluating a model. Whatever a task
 * throws, {@link Exception} or {@link Error} (an {@link OutOfMemoryError}, a native library's error),
 * reaches its failure callback, the status bar is freed, and its on-finished step runs.
 * {@link #sameThread()} runs everything on the caller's thread, for tests.
 */
public class TaskRunner {
    /** Where a task runs. */
    public enum Lane {
        /** Training and retraining: long, one at a time. */
        TRAINING,
        /** Loading, evaluating, scoring, saving, fetching: seconds. */
        WORK,
        /** Label-journal writes (fsync): milliseconds, usually, but never on the EDT; in order; not shown in the status bar. */
        JOURNAL
    }

    /** Listener for the status bar: a task started, moved, or finished. Called on the EDT. */
    public interface Observer {
        void started(RunningTask task);

        void progress(RunningTask task);

        void finished(RunningTask task);
    }

    /** A task in flight, as the status bar shows it. */
    public static final class RunningTask {
        private final Lane lane;
        private final String name;
        private final CancellationToken cancel = new CancellationToken();
        private volatile double fraction = -1;
        private volatile String message;
        private volatile Consumer<RunningTask> watcher;

        RunningTask(Lane lane, String name) {
            this.lane = lane;
            this.name = name;
        }

        public Lane lane() { return lane; }

        public String name() { return name; }

        public double fraction() { return fraction; }

        public String message() { return message == null ? name + "…" : message; }

        public CancellationToken token() { return cancel; }

        /** Also tells {@code onProgress} (on the EDT) about this task's progress, e.g. a dialog's own bar. */
        public void watch(Consumer<RunningTask> onProgress) {
            watcher = onProgress;
        }

        /** Asks the task to stop, through its token (a download registers an interrupt there). */
        public void cancel() {
            cancel.cancel();
        }
    }

    private static final Observer SILENT = new Observer() {
        @Override public void started(RunningTask task) { }

        @Override public void progress(RunningTask task) { }

        @Override public void finished(RunningTask task) { }
    };

    private final ExecutorService training;
    private final ExecutorService work;
    private final ExecutorService journal;
    private final ExecutorService latest;
    private Observer observer = SILENT;

    protected TaskRunner(ExecutorService training, ExecutorService work, ExecutorService latest) {
        this.training = training;
        this.work = work;
        this.latest = latest;
        this.journal = training == null ? null : worker("digitloop-journal");
    }

    public static TaskRunner background() {
        return new TaskRunner(worker("digitloop-training"), worker("digitloop-worker"), worker("digitloop-live"));
    }

    private static ExecutorService worker(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs tasks immediately on the calling thread; callbacks too. */
    public static TaskRunner sameThread() {
        return new TaskRunner(null, null, null) {
            @Override
            protected void onUi(Runnable r) {
                r.run();
            }
        };
    }

    public void setObserver(Observer observer) {
        this.observer = observer == null ? SILENT : observer;
    }

    /** Starts {@code task} on the WORK lane; see {@link #run(Lane, String, BackgroundTask, Consumer, Consumer, Runnable)}. */
    public <T> RunningTask run(String name, BackgroundTask<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        return run(Lane.WORK, name, task, done, failed, NOTHING);
    }

    /** As {@link #run(Lane, String, BackgroundTask, Consumer, Consumer, Runnable)} with nothing to do when finished. */
    public <T> RunningTask run(Lane lane, String name, BackgroundTask<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        return run(lane, name, task, done, failed, NOTHING);
    }

    /**
     * Starts {@code task}; on the EDT, {@code done} or {@code failed} is called, then {@code finished}
     * (always, even when the callback throws: the place to re-enable controls). Returns its handle (to cancel it).
     */
    public <T> RunningTask run(Lane lane, String name, BackgroundTask<T> task, Consumer<T> done, Consumer<Throwable> failed,
                               Runnable finished) {
        RunningTask running = new RunningTask(lane, name);
        onUi(() -> observer.started(running));
        TaskContext context = new TaskContext() {
            private long lastPost;

            @Override
            public void progress(double fraction, String message) {
                running.fraction = fraction;
                running.message = message;
                long now = System.nanoTime();
                // Coalesce: the EDT gets at most ~20 progress updates a second per task.
                if (fraction < 1 && now - lastPost < 50_000_000L) return;
                lastPost = now;
                onUi(() -> {
                    observer.progress(running);
                    Consumer<RunningTask> w = running.watcher;
                    if (w != null) w.accept(running);
                });
            }

            @Override
            public CancellationToken cancellation() {
                return running.cancel;
            }
        };
        Runnable body = () -> {
            Runnable callback;
            try {
                T result = task.run(context);
                callback = () -> done.accept(result);
            } catch (Throwable e) {
                // Every Throwable: an Error skipped here would leave the status bar busy and Start disabled for good.
                callback = () -> failed.accept(e);
            } finally {
                // A cancel may have interrupted this worker (a download); the next task must not see it.
                Thread.interrupted();
            }
            Runnable then = callback;
            onUi(() -> {
                try {
                    observer.finished(running);
                    then.run();
                } finally {
                    finished.run();
                }
            });
            // After the result is on its way to the EDT, so a collection never delays what the person waits for.
            if (lane != Lane.JOURNAL) digitloop.model.OffHeapMemory.releaseAfterWork();
        };
        ExecutorService executor = switch (lane) {
            case TRAINING -> training;
            case WORK -> work;
            case JOURNAL -> journal;
        };
        if (executor == null) body.run(); else executor.execute(body);
        return running;
    }

    /**
     * A live computation where only the newest request matters (the canvas while drawing): at most
     * one runs and one waits; a newer request replaces the waiting one. Results arrive on the EDT.
     */
    public <T> Latest<T> latest() {
        return new Latest<>();
    }

    /** See {@link #latest()}. */
    public final class Latest<T> {
        private final AtomicReference<Request<T>> pending = new AtomicReference<>();

        private record Request<T>(BackgroundTask<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        }

        private Latest() {
        }

        public void submit(BackgroundTask<T> task, Consumer<T> done, Consumer<Throwable> failed) {
            if (pending.getAndSet(new Request<>(task, done, failed)) != null) return;
            Runnable body = () -> {
                Request<T> r = pending.getAndSet(null);
                if (r == null) return;
                try {
                    T result = r.task.run(NO_PROGRESS);
                    onUi(() -> r.done.accept(result));
                } catch (Throwable e) {
                    onUi(() -> r.failed.accept(e));
                }
            };
            if (latest == null) body.run(); else latest.execute(body);
        }
    }

    private static final TaskContext NO_PROGRESS = TaskContext.of(ProgressSink.NONE, CancellationToken.none());
    private static final Runnable NOTHING = () -> { };

    protected void onUi(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
