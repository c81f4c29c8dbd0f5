package digitloop.cli.bench;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Floating-point operations a network spends on one image, counted from its convolutions and dense
 * layers (a multiply-add is two); batch-norm, activations and pooling are left out, being a few
 * per cent of the total for these networks. Training is counted as three forward passes (the
 * forward one, and the two products of the backward pass: gradients of the inputs and of the weights).
 */
record FlopCount(double forward) {
    static final double TRAINING_FACTOR = 3;

    double training() { return TRAINING_FACTOR * forward; }

    static FlopCount of(MultiLayerNetwork network, int side) {
        INDArray one = Nd4j.rand(1, side * side);
        // Output shapes come from a real forward pass, so padding, strides and pooling need no arithmetic here.
        List<INDArray> activations = network.feedForward(one, false);
        double flops = 0;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer conf = network.getLayer(i).conf().getLayer();
            INDArray out = activations.get(i + 1);
            if (conf instanceof ConvolutionLayer c) {
                long positions = out.length() / c.getNOut();
                flops += 2.0 * c.getKernelSize()[0] * c.getKernelSize()[1] * c.getNIn() * c.getNOut() * positions;
            } else if (conf instanceof FeedForwardLayer f && !(conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization)) {
                flops += 2.0 * f.getNIn() * f.getNOut();
            }
        }
        return new FlopCount(flops);
    }
}
