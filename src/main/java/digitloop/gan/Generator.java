package digitloop.gan;

import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained generator: draws 28×28 digits (ink bright, [0, 1]) of the labels asked for from given noise.
 * The same noise and label give the same image. Synchronized: a DL4J network is not safe for concurrent use.
 */
public final class Generator {
    /** Batches of this many keep a generation of thousands within a modest amount of memory. */
    private static final int BATCH = 500;
    private final ComputationGraph graph;
    private final GanSpec spec;

    public Generator(ComputationGraph graph, GanSpec spec) {
        this.graph = graph;
        this.spec = spec;
    }

    public GanSpec spec() { return spec; }

    public ComputationGraph graph() { return graph; }

    /** {@code count} standard-normal noise vectors of the generator's size, from {@code seed} alone, row after row. */
    public float[] noise(long seed, int count) {
        return noise(seed, count, spec.zSize());
    }

    static float[] noise(long seed, int count, int z) {
        Random random = new Random(seed);
        float[] noise = new float[count * z];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) random.nextGaussian();
        return noise;
    }

    /**
     * Images for {@code labels[i]} from row i of {@code noise} multiplied by {@code truncation} (below 1 the
     * samples keep nearer the typical digit, above 1 they vary more); one image after another, 784 floats each.
     */
    public synchronized float[] generate(int[] labels, float[] noise, double truncation) {
        int n = labels.length;
        if (noise.length != n * spec.zSize()) {
            throw new IllegalArgumentException(n + " labels need " + n * spec.zSize() + " noise values, got " + noise.length);
        }
        float[] out = new float[n * GanSpec.PIXELS];
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            float[] z = new float[count * spec.zSize()];
            for (int i = 0; i < z.length; i++) z[i] = (float) (noise[start * spec.zSize() + i] * truncation);
            INDArray image = graph.output(false, Nd4j.create(z, new long[]{count, spec.zSize()}),
                    oneHot(java.util.Arrays.copyOfRange(labels, start, start + count)))[0];
            float[] pixels = image.castTo(DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(pixels, 0, out, start * GanSpec.PIXELS, count * GanSpec.PIXELS);
        }
        return out;
    }

    /** Labels 0-9 as rows of ten, the generator's label input. */
    static INDArray oneHot(int[] labels) {
        float[] hot = new float[labels.length * GanSpec.LABELS];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= GanSpec.LABELS) throw new IllegalArgumentException("a label must be 0-9, got " + labels[i]);
            hot[i * GanSpec.LABELS + labels[i]] = 1f;
        }
        return Nd4j.create(hot, new long[]{labels.length, GanSpec.LABELS});
    }

    /** {@code perLabel} images of each label 0-9, label after label, from noise of {@code seed}; see {@link #labelsOf}. */
    public float[] generateAll(int perLabel, long seed, double truncation, boolean sameNoiseForEveryLabel) {
        return generate(labelsOf(perLabel), noiseForAll(perLabel, seed, sameNoiseForEveryLabel), truncation);
    }

    /** The noise {@link #generateAll} uses: one block per label, or one block repeated for every label. */
    public float[] noiseForAll(int perLabel, long seed, boolean sameNoiseForEveryLabel) {
        if (!sameNoiseForEveryLabel) return noise(seed, perLabel * GanSpec.LABELS);
        float[] one = noise(seed, perLabel);
        float[] all = new float[one.length * GanSpec.LABELS];
        for (int label = 0; label < GanSpec.LABELS; label++) System.arraycopy(one, 0, all, label * one.length, one.length);
        return all;
    }

    /** 0 repeated {@code perLabel} times, then 1, … up to 9. */
    public static int[] labelsOf(int perLabel) {
        int[] labels = new int[perLabel * GanSpec.LABELS];
        for (int i = 0; i < labels.length; i++) labels[i] = i / perLabel;
        return labels;
    }
}
