package digitloop.cli.bench;

import digitloop.canvas.MnistNormalizer;
import digitloop.model.Classifier;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Single-image latency from a drawn canvas image to probabilities, normalisation included. */
final class CanvasLatency {
    static final String P50 = "canvas image → probabilities, p50 (ms)";
    static final String P95 = "canvas image → probabilities, p95 (ms)";

    private CanvasLatency() {
    }

    static Map<String, Double> measure(Classifier classifier, int runs) {
        BufferedImage image = StrokeImages.drawnSeven();
        for (int i = 0; i < Math.min(50, runs); i++) once(classifier, image);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            once(classifier, image);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(P50, ms[runs / 2]);
        result.put(P95, ms[(int) Math.ceil(runs * 0.95) - 1]);
        return result;
    }

    private static void once(Classifier classifier, BufferedImage image) {
        MnistNormalizer.normalize(image).map(n -> classifier.predict(n.pixels()))
                .orElseThrow(() -> new IllegalStateException("the benchmark's drawing was read as blank"));
    }
}
