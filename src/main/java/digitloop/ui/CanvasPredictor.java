package digitloop.ui;

import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import digitloop.model.Classifier;
import digitloop.model.Prediction;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Live recognition while drawing: the newest drawing wins, older ones still waiting are dropped,
 * so at most one prediction runs and one waits, off the EDT. Results come back on the EDT.
 */
final class CanvasPredictor {
    record Result(Prediction prediction, float[] input28, double millis) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitloop-canvas");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<BufferedImage> pending = new AtomicReference<>();

    void submit(BufferedImage drawing, Classifier classifier, Consumer<Result> onResult) {
        if (pending.getAndSet(drawing) != null) return;
        worker.execute(() -> {
            BufferedImage latest = pending.getAndSet(null);
            long start = System.nanoTime();
            Optional<NormalizedImage> normalized = MnistNormalizer.normalize(latest);
            Prediction p = normalized.map(n -> classifier.predict(n.pixels())).orElseGet(Prediction::blank);
            double ms = (System.nanoTime() - start) / 1e6;
            float[] input = normalized.map(NormalizedImage::pixels).orElse(null);
            SwingUtilities.invokeLater(() -> onResult.accept(new Result(p, input, ms)));
        });
    }
}
