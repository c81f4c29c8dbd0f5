package digitloop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The network surgery of a transfer: the source's weights into a network built for the target's input,
 * and the feature layers frozen when the strategy asks. Frozen layers run as at inference (DL4J's
 * {@code FrozenLayer}), batch-norm statistics included.
 */
public final class Transfer {
    private Transfer() {
    }

    /**
     * Copies every parameter of {@code source} into {@code target}, layer by layer in order of the
     * layers that have parameters. A CNN built for 14×14 has one pooling layer fewer than the same CNN
     * for 28×28 but the same convolutions and, at 7×7 after its pools, the same dense layer: its
     * weights fit.
     *
     * @throws IllegalArgumentException when the two do not have the same parameter shapes
     */
    public static MultiLayerNetwork copyWeights(MultiLayerNetwork source, MultiLayerNetwork target) {
        List<Layer> from = withParams(source);
        List<Layer> to = withParams(target);
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("the source has " + from.size() + " layers with weights and the target " + to.size()
                    + ": only the same architecture can be transferred");
        }
        for (int i = 0; i < from.size(); i++) {
            Map<String, INDArray> a = from.get(i).paramTable();
            Map<String, INDArray> b = to.get(i).paramTable();
            if (!a.keySet().equals(b.keySet())) throw new IllegalArgumentException("layer " + i + " differs: " + a.keySet() + " vs " + b.keySet());
            for (Map.Entry<String, INDArray> p : a.entrySet()) {
                INDArray dst = b.get(p.getKey());
                if (!java.util.Arrays.equals(dst.shape(), p.getValue().shape())) {
                    throw new IllegalArgumentException("layer " + i + " parameter " + p.getKey() + " is " + java.util.Arrays.toString(p.getValue().shape())
                            + " in the source and " + java.util.Arrays.toString(dst.shape()) + " in the target");
                }
                dst.assign(p.getValue());
            }
        }
        return target;
    }

    /**
     * {@code network} ready for {@code strategy}'s first phase: as it is (FULL), or with every layer before
     * the first dense layer frozen and the dense head re-initialised (HEAD, GRADUAL). {@code freeze} > 0
     * freezes only the first that many layers instead.
     */
    public static MultiLayerNetwork prepare(MultiLayerNetwork network, TransferStrategy strategy, int freeze, double learningRate, long seed) {
        if (strategy == TransferStrategy.FULL && freeze == 0) {
            MultiLayerNetwork copy = network.clone();
            copy.setLearningRate(learningRate);
            return copy;
        }
        int head = firstDense(network);
        int frozen = freeze > 0 ? Math.min(freeze, network.getnLayers() - 1) : head;
        TransferLearning.Builder b = new TransferLearning.Builder(network.clone())
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed).build())
                .setFeatureExtractor(frozen - 1);
        if (strategy != TransferStrategy.FULL) {
            // A new head: the dense layer and the output layer after it start from fresh weights.
            DenseLayer dense = (DenseLayer) network.getLayer(head).conf().getLayer();
            b.nOutReplace(head, (int) dense.getNOut(), WeightInit.XAVIER);
        }
        return b.build();
    }

    /** A plain copy of {@code trained} with every layer learning again (the second phase of GRADUAL). */
    public static MultiLayerNetwork unfreeze(MultiLayerNetwork trained, MultiLayerNetwork plainShape, double learningRate) {
        MultiLayerNetwork plain = plainShape.clone();
        // Frozen layers keep their parameters in the same flat order.
        plain.setParams(trained.params());
        plain.setLearningRate(learningRate);
        return plain;
    }

    /** Index of the first dense layer: everything before it is the feature extractor. */
    static int firstDense(MultiLayerNetwork network) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i).conf().getLayer() instanceof DenseLayer) return i;
        }
        throw new IllegalArgumentException("the network has no dense layer to retrain");
    }

    private static List<Layer> withParams(MultiLayerNetwork network) {
        List<Layer> layers = new ArrayList<>();
        for (Layer l : network.getLayers()) if (l.numParams() > 0) layers.add(l);
        return layers;
    }
}
