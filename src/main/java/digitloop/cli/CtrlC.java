package digitloop.cli;

import digitloop.task.CancellationToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C for a command that writes a file: the JVM exits as soon as the shutdown hooks return, so the
 * hook cancels the work and then waits until the command has closed this (its files are whole or gone).
 */
final class CtrlC implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch settled = new CountDownLatch(1);

    private CtrlC(CancellationToken cancel, String name) {
        hook = new Thread(() -> {
            cancel.cancel();
            try {
                settled.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Cancels {@code cancel} on Ctrl+C until closed. */
    static CtrlC cancels(CancellationToken cancel, String command) {
        return new CtrlC(cancel, "digitloop-" + command + "-ctrl-c");
    }

    @Override
    public void close() {
        settled.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and returns now that nothing is being written.
        }
    }
}
