package digitloop.model;

import digitloop.data.Digits;
import java.util.SplittableRandom;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batched inference over a network whose last layer is a softmax over ten digits. It runs the
 * network up to the last hidden layer and applies the output layer itself, so one pass yields the
 * logits (for the free-energy "is this a digit at all" score) as well as the probabilities, and
 * MC dropout needs only the last matrix product per stochastic pass, with batch-norm kept in
 * inference mode. It runs the network with each convolution's batch-norm and activation folded into
 * it ({@link InferenceNetwork}); {@link #network()} stays the trained one. Methods are synchronized:
 * DL4J networks are not safe for concurrent use.
 * Batch methods take a {@code cancelled} check, asked between batches and between MC passes.
 */
public final class Classifier {
    /** Small enough that a batch of the default CNN takes well under a second, so Cancel is felt quickly. */
    public static final int BATCH = 250;
    /**
     * MC dropout checks for Cancel between batches of this many: a cold first forward pass of 250 images
     * through the default CNN took 1.7 s on a 2-core AVX2 machine, past the second Cancel may take.
     */
    static final int MC_BATCH = 100;

    private final MultiLayerNetwork network;
    /** {@link #network} folded for inference; what scoring runs. */
    private final InferenceNetwork.Folded inference;
    /** {@link #inference} without its output layer: the last hidden layer's activations, through DL4J's workspaces. */
    private final MultiLayerNetwork trunk;
    private final ModelMetadata metadata;
    private final INDArray weights;
    private final INDArray bias;
    private final int inputSize;

    public Classifier(MultiLayerNetwork network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
        this.inference = InferenceNetwork.fold(network);
        this.trunk = InferenceNetwork.withoutOutputLayer(inference.network());
        Layer output = inference.network().getLayer(inference.network().getnLayers() - 1);
        this.weights = output.getParam("W");
        this.bias = output.getParam("b");
        this.inputSize = metadata.inputSide() * metadata.inputSide();
    }

    public ModelMetadata metadata() { return metadata; }

    public MultiLayerNetwork network() { return network; }

    /** Scores digits that already carry the model's degradation (their side is the model's input side). */
    public Scores score(Digits digits) {
        return score(digits, CancellationToken.none());
    }

    /** As {@link #score(Digits)}; throws {@link CancellationException} once {@code cancelled} says so. */
    public Scores score(Digits digits, CancellationToken cancelled) {
        return score(digits, cancelled, ProgressSink.NONE);
    }

    /** As {@link #score(Digits, CancellationToken)}, telling {@code progress} the share scored after each batch. */
    public synchronized Scores score(Digits digits, CancellationToken cancelled, ProgressSink progress) {
        requireSide(digits.side());
        int n = digits.size();
        float[][] probabilities = new float[n][];
        float[] energy = new float[n];
        float[] buffer = new float[Math.min(BATCH, Math.max(n, 1)) * inputSize];
        for (int start = 0; start < n; start += BATCH) {
            cancelled.throwIfCancelled();
            int count = Math.min(BATCH, n - start);
            for (int k = 0; k < count; k++) digits.copyImage(start + k, buffer, k * inputSize);
            float[][] logits = logits(hidden(buffer, count));
            for (int k = 0; k < count; k++) {
                probabilities[start + k] = softmax(logits[k]);
                energy[start + k] = freeEnergy(logits[k]);
            }
            progress.progress((double) (start + count) / n, "scoring " + n + " images");
        }
        return new Scores(probabilities, energy);
    }

    /**
     * The activations of the layer before the output (the default CNN's 256-wide dense layer) for digits that
     * already carry the model's degradation: the feature space the GAN's Fréchet distance is measured in.
     */
    public synchronized float[][] features(Digits digits, CancellationToken cancelled) {
        requireSide(digits.side());
        int n = digits.size();
        float[][] features = new float[n][];
        float[] buffer = new float[Math.min(BATCH, Math.max(n, 1)) * inputSize];
        for (int start = 0; start < n; start += BATCH) {
            cancelled.throwIfCancelled();
            int count = Math.min(BATCH, n - start);
            for (int k = 0; k < count; k++) digits.copyImage(start + k, buffer, k * inputSize);
            float[][] h = hidden(buffer, count).toFloatMatrix();
            System.arraycopy(h, 0, features, start, count);
        }
        return features;
    }

    /** Scores one raw 28x28 image (ink bright, [0,1]): applies the model's degradation first. */
    public synchronized Prediction predict(float[] image28) {
        float[] input = metadata.degradation().apply(image28, 28, 0);
        float[][] logits = logits(hidden(input, 1));
        float[] p = softmax(logits[0]);
        return decide(p, freeEnergy(logits[0]));
    }

    /** Applies the trusted threshold and the energy threshold to one sample's scores. */
    public Prediction decide(float[] p, float energy) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        Prediction.Verdict verdict;
        if (energy > metadata.energyThreshold()) {
            verdict = Prediction.Verdict.NOT_A_DIGIT;
        } else if (p[best] < metadata.trustedThreshold()) {
            verdict = Prediction.Verdict.NOT_SURE;
        } else {
            verdict = Prediction.Verdict.ANSWERED;
        }
        return new Prediction(verdict == Prediction.Verdict.ANSWERED ? best : -1, p[best], p, energy, verdict);
    }

    /**
     * MC dropout: {@code passes} stochastic forward passes with the dropout before the output layer
     * switched on, everything else in inference mode. Returns {@code [pass][sample][class]}.
     */
    public float[][][] mcDropout(Digits digits, int passes, long seed) {
        return mcDropout(digits, passes, seed, CancellationToken.none());
    }

    /** As {@link #mcDropout(Digits, int, long)}; throws {@link CancellationException} once {@code cancelled} says so. */
    public synchronized float[][][] mcDropout(Digits digits, int passes, long seed, CancellationToken cancelled) {
        requireSide(digits.side());
        double drop = metadata.architecture().dropout();
        if (drop <= 0) throw new IllegalStateException("MC dropout needs a model trained with dropout; this one has none");
        int n = digits.size();
        float[][][] out = new float[passes][n][];
        SplittableRandom random = new SplittableRandom(seed);
        float scale = (float) (1 / (1 - drop));
        float[] buffer = new float[Math.min(MC_BATCH, Math.max(n, 1)) * inputSize];
        for (int start = 0; start < n; start += MC_BATCH) {
            cancelled.throwIfCancelled();
            int count = Math.min(MC_BATCH, n - start);
            for (int k = 0; k < count; k++) digits.copyImage(start + k, buffer, k * inputSize);
            INDArray h = hidden(buffer, count);
            float[] hv = h.data().asFloat();
            for (int t = 0; t < passes; t++) {
                cancelled.throwIfCancelled();
                float[] masked = new float[hv.length];
                for (int i = 0; i < hv.length; i++) masked[i] = random.nextDouble() < drop ? 0f : hv[i] * scale;
                INDArray hm = Nd4j.create(masked, h.shape(), 'c');
                float[][] logits = logits(hm);
                for (int k = 0; k < count; k++) out[t][start + k] = softmax(logits[k]);
            }
        }
        return out;
    }


    private void requireSide(int side) {
        if (side * side != inputSize) {
            throw new IllegalArgumentException("this model takes " + metadata.inputSide() + "x" + metadata.inputSide()
                    + " input (" + metadata.degradation().label() + "), got " + side + "x" + side
                    + "; apply the model's degradation first");
        }
    }

    private INDArray hidden(float[] buffer, int count) {
        float[] exact = buffer.length == count * inputSize ? buffer : java.util.Arrays.copyOf(buffer, count * inputSize);
        INDArray input = inference.input(exact, count);
        return trunk.output(input, false).castTo(DataType.FLOAT).reshape(count, weights.size(0)).dup('c');
    }

    private float[][] logits(INDArray hidden) {
        INDArray z = hidden.mmul(weights).addiRowVector(bias);
        return z.toFloatMatrix();
    }

    static float[] softmax(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        double sum = 0;
        float[] p = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = (float) Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) p[i] /= (float) sum;
        return p;
    }

    static float freeEnergy(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        double sum = 0;
        for (float v : z) sum += Math.exp(v - max);
        return (float) -(max + Math.log(sum));
    }
}
