package digitloop.ui;

import digitloop.train.CancellationToken;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The one mechanism for long work (train, retrain, evaluate, score, load). Tasks run one at a time
 * on a worker thread (DL4J networks are not thread-safe), and every callback arrives on the EDT.
 * {@link #sameThread()} runs tasks on the caller's thread, for tests.
 */
public class TaskRunner {
    /** Listener for the status bar: a task started, moved, or finished. */
    public interface Observer {
        void started(String name, CancellationToken cancel);

        void progress(double fraction, String message);

        void finished(String name);
    }

    private final ExecutorService worker;
    private Observer observer = new Observer() {
        @Override public void started(String name, CancellationToken cancel) { }
        @Override public void progress(double fraction, String message) { }
        @Override public void finished(String name) { }
    };

    protected TaskRunner(ExecutorService worker) {
        this.worker = worker;
    }

    public static TaskRunner background() {
        return new TaskRunner(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digitloop-worker");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Runs tasks immediately on the calling thread; callbacks too. */
    public static TaskRunner sameThread() {
        return new TaskRunner(null) {
            @Override
            protected void onUi(Runnable r) {
                r.run();
            }
        };
    }

    public void setObserver(Observer observer) {
        this.observer = observer;
    }

    /** Starts {@code task}; {@code done} or {@code failed} is called on the EDT. Returns the cancel handle. */
    public <T> CancellationToken run(String name, BackgroundTask<T> task, Consumer<T> done, Consumer<Exception> failed) {
        CancellationToken cancel = new CancellationToken();
        onUi(() -> observer.started(name, cancel));
        TaskContext context = new TaskContext() {
            private long lastPost;

            @Override
            public void progress(double fraction, String message) {
                long now = System.nanoTime();
                // Coalesce: the EDT gets at most ~20 progress updates a second.
                if (fraction < 1 && now - lastPost < 50_000_000L) return;
                lastPost = now;
                onUi(() -> observer.progress(fraction, message));
            }

            @Override
            public CancellationToken cancellation() {
                return cancel;
            }
        };
        Runnable body = () -> {
            try {
                T result = task.run(context);
                onUi(() -> {
                    observer.finished(name);
                    done.accept(result);
                });
            } catch (Exception e) {
                onUi(() -> {
                    observer.finished(name);
                    failed.accept(e);
                });
            }
        };
        if (worker == null) body.run(); else worker.execute(body);
        return cancel;
    }

    protected void onUi(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
