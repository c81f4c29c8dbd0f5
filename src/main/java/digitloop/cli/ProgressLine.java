package digitloop.cli;

import digitloop.task.ProgressSink;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar redrawn in place, at most a few times a second; the command line's progress sink. */
final class ProgressLine implements ProgressSink {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDraw;
    private int lastLength;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    void draw(String label, double fraction, String suffix) {
        long now = System.nanoTime();
        if (fraction < 1 && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        String line = String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, suffix);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Draws {@code message} with its fraction; a stage of unknown length shows an empty bar. */
    @Override
    public void progress(double fraction, String message) {
        draw(message, Math.max(0, fraction), "");
    }

    void clear() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }
}
