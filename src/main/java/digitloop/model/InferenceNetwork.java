package digitloop.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trained network rewritten for inference: every convolution → batch-norm → activation block becomes
 * one convolution whose weights and bias carry the batch-norm's scale and shift (its running statistics
 * are fixed at inference) and whose activation is the block's. Each block then passes over its output
 * once instead of three times; the answers are the trained network's to float rounding. Training always
 * uses the original network: batch-norm's batch statistics are what it learns with.
 */
public final class InferenceNetwork {
    private InferenceNetwork() {
    }

    /**
     * The network scoring runs, and the input it takes. {@code channelsLast}: a convolutional network
     * rewritten to NHWC, which oneDNN's kernels use inside; fed NCHW, each convolution reordered its input
     * and output, which took 40 % of all oneDNN time in a profile of training plus scoring
     * (docs/benchmarks.md, "Profile"). A one-channel image has the same memory order in both layouts, so
     * the flat pixels only change shape.
     */
    public record Folded(MultiLayerNetwork network, boolean channelsLast, int side) {
        /**
         * The network's input for {@code count} images given as {@code pixels}, row-major, one after another
         * ({@code pixels} holds exactly {@code count} images; {@code side} is only known, and only needed, channels-last).
         */
        public INDArray input(float[] pixels, int count) {
            return channelsLast ? Nd4j.create(pixels, new long[] {count, side, side, 1}, 'c')
                    : Nd4j.create(pixels, new long[] {count, pixels.length / count}, 'c');
        }
    }

    /** Folds the batch-norms, then moves a convolutional network to NHWC; the trained network is not changed. */
    public static Folded fold(MultiLayerNetwork trained) {
        MultiLayerNetwork folded = foldNorms(trained);
        return ChannelsLast.convertible(folded) ? ChannelsLast.convert(folded) : new Folded(folded, false, 0);
    }

    /**
     * Only the first step of {@link #fold}: {@code trained} itself when it has no block to fold, else a new
     * network in the trained one's layout (the bench compares the two steps).
     */
    public static MultiLayerNetwork foldNorms(MultiLayerNetwork trained) {
        MultiLayerConfiguration conf = trained.getLayerWiseConfigurations();
        int n = trained.getnLayers();
        List<Layer> layers = new ArrayList<>();
        List<InputPreProcessor> preprocessors = new ArrayList<>();
        // For each new layer: the trained layer it copies, and the batch-norm folded into it (-1: none).
        List<int[]> origin = new ArrayList<>();
        boolean folded = false;
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer().clone();
            preprocessors.add(conf.getInputPreProcess(i));
            if (layer instanceof ConvolutionLayer conv && !conv.hasBias() && i + 1 < n
                    && conf.getConf(i + 1).getLayer() instanceof BatchNormalization && conf.getInputPreProcess(i + 1) == null) {
                conv.setHasBias(true);
                int norm = i + 1;
                i++;
                if (i + 1 < n && conf.getConf(i + 1).getLayer() instanceof ActivationLayer act && conf.getInputPreProcess(i + 1) == null) {
                    conv.setActivationFn(act.getActivationFn());
                    i++;
                }
                origin.add(new int[] {norm - 1, norm});
                folded = true;
            } else {
                origin.add(new int[] {i, -1});
            }
            layers.add(layer);
        }
        if (!folded) return trained;

        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list();
        for (int k = 0; k < layers.size(); k++) {
            list.layer(k, layers.get(k));
            if (preprocessors.get(k) != null) list.inputPreProcessor(k, preprocessors.get(k).clone());
        }
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        for (int k = 0; k < layers.size(); k++) {
            int source = origin.get(k)[0];
            int norm = origin.get(k)[1];
            var target = network.getLayer(k);
            if (norm < 0) {
                trained.getLayer(source).paramTable().forEach((name, value) -> target.setParam(name, value.dup()));
            } else {
                INDArray[] wb = foldNorm(trained.getLayer(source).getParam("W"), trained.getLayer(norm),
                        (BatchNormalization) conf.getConf(norm).getLayer());
                target.setParam("W", wb[0]);
                target.setParam("b", wb[1].reshape(target.getParam("b").shape()));
            }
        }
        return network;
    }

    /**
     * {@code network} without its output layer, sharing its parameters: what {@link Classifier} runs to get the
     * last hidden layer's activations. {@link MultiLayerNetwork#output} reuses its workspaces between calls, where
     * {@code feedForwardToLayer} allocated every layer's activations afresh; in a profile of scoring the default
     * CNN those fresh buffers took more samples than the convolutions
     * (docs/benchmarks.md, "Profile").
     */
    static MultiLayerNetwork withoutOutputLayer(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        int n = network.getnLayers() - 1;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list();
        for (int i = 0; i < n; i++) {
            list.layer(i, conf.getConf(i).getLayer().clone());
            if (conf.getInputPreProcess(i) != null) list.inputPreProcessor(i, conf.getInputPreProcess(i).clone());
        }
        MultiLayerNetwork trunk = new MultiLayerNetwork(list.build());
        trunk.init();
        for (int i = 0; i < n; i++) {
            var target = trunk.getLayer(i);
            network.getLayer(i).paramTable().forEach(target::setParam);
        }
        return trunk;
    }

    /**
     * {@code y = gamma (Wx - mean) / std + beta} as {@code W'x + b'}: each output channel's filter scaled
     * by {@code gamma / std}, and {@code b' = beta - mean gamma / std}.
     */
    static INDArray[] foldNorm(INDArray weights, org.deeplearning4j.nn.api.Layer norm, BatchNormalization conf) {
        long channels = weights.size(0);
        INDArray mean = norm.getParam("mean").reshape(channels).castTo(DataType.FLOAT);
        INDArray std;
        if (conf.isUseLogStd()) {
            std = Transforms.pow(Nd4j.valueArrayOf(new long[] {channels}, 10.0f), norm.getParam("log10stdev").reshape(channels).castTo(DataType.FLOAT), true);
        } else {
            std = Transforms.sqrt(norm.getParam("var").reshape(channels).castTo(DataType.FLOAT).add(conf.getEps()), false);
        }
        INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[] {channels}, (float) conf.getGamma())
                : norm.getParam("gamma").reshape(channels).castTo(DataType.FLOAT);
        INDArray beta = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[] {channels}, (float) conf.getBeta())
                : norm.getParam("beta").reshape(channels).castTo(DataType.FLOAT);
        INDArray scale = gamma.div(std);
        INDArray w = weights.castTo(DataType.FLOAT).dup('c');
        INDArray rows = w.reshape('c', channels, w.length() / channels);
        rows.muliColumnVector(scale.reshape(channels, 1));
        INDArray b = beta.sub(mean.mul(scale));
        return new INDArray[] {rows.reshape('c', w.shape()), b};
    }
}
