package digitloop.cli.bench;

import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import java.awt.image.BufferedImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: the MNIST normaliser on a 280x280 canvas drawing. */
@State(Scope.Benchmark)
public class NormaliserBenchmark {
    private final BufferedImage drawing = StrokeImages.drawnSeven();

    @Benchmark
    public NormalizedImage normalise280x280() {
        return MnistNormalizer.normalize(drawing).orElseThrow();
    }
}
