package digitloop.ui;

import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Measures how long the Event Dispatch Thread stays blocked: a daemon thread posts a tiny task every
 * 10 ms and records how late it ran. The worst lateness is the longest stall a person would feel.
 */
final class EdtWatchdog implements AutoCloseable {
    private final AtomicLong worstNanos = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean paused;
    private final Thread thread;

    EdtWatchdog() {
        thread = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                try {
                    SwingUtilities.invokeAndWait(() -> {
                        if (!paused) worstNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    });
                    Thread.sleep(10);
                } catch (Exception e) {
                    return;
                }
            }
        }, "edt-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    /** Screenshots repaint the whole window in two themes on purpose; they are not a flow a person waits on. */
    void pause(boolean pause) {
        paused = pause;
    }

    void reset() {
        worstNanos.set(0);
    }

    @Override
    public void close() {
        running = false;
    }
}
