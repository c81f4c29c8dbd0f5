package digitloop.cli.bench;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: predictive entropy of 50,000 ten-class probability rows, the pool-scoring inner loop. */
@State(Scope.Benchmark)
public class EntropyBenchmark {
    private final float[][] probabilities = new float[50_000][10];

    public EntropyBenchmark() {
        SplittableRandom random = new SplittableRandom(1);
        for (float[] row : probabilities) {
            float sum = 0;
            for (int c = 0; c < 10; c++) sum += row[c] = (float) random.nextDouble();
            for (int c = 0; c < 10; c++) row[c] /= sum;
        }
    }

    @Benchmark
    public double[] entropyOf50000() {
        return Measurements.entropies(probabilities);
    }
}
