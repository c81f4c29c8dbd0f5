package digitloop.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds an initialised DL4J network for a spec and an input side (28 or 14). */
public final class NetworkFactory {
    public static final int CLASSES = 10;
    /** LeakyReLU slope for negative inputs, as in the original project's Keras model. */
    private static final double LEAKY_ALPHA = 0.1;

    private NetworkFactory() {
    }

    public static MultiLayerNetwork build(ArchitectureSpec spec, int side, long seed, double learningRate) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list();
        if (spec instanceof MlpSpec mlp) {
            mlp(list, mlp, side);
        } else if (spec instanceof CnnSpec cnn) {
            cnn(list, cnn, side);
        } else {
            lenet(list, (LeNetSpec) spec, side);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** DL4J's dropOut(x) takes the probability of <em>keeping</em> a unit; our specs say dropping. */
    private static double retain(double dropProbability) {
        return 1.0 - dropProbability;
    }

    private static void mlp(NeuralNetConfiguration.ListBuilder list, MlpSpec spec, int side) {
        List<Integer> hidden = spec.hidden();
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nOut(hidden.get(i))
                    .activation(Activation.fromString(spec.activation()));
            // Dropout applies to a layer's input in DL4J: put it on every layer after the first.
            if (i > 0 && spec.dropout() > 0) layer.dropOut(retain(spec.dropout()));
            list.layer(layer.build());
        }
        list.layer(output(spec.dropout()));
        list.setInputType(InputType.feedForward((long) side * side));
    }

    private static void cnn(NeuralNetConfiguration.ListBuilder list, CnnSpec spec, int side) {
        int size = side;
        for (int channels : spec.channels()) {
            list.layer(new ConvolutionLayer.Builder(spec.kernel(), spec.kernel())
                    .nOut(channels).convolutionMode(ConvolutionMode.Same)
                    .activation(Activation.IDENTITY).hasBias(false).build());
            list.layer(new BatchNormalization.Builder().build());
            list.layer(new ActivationLayer.Builder().activation(new ActivationLReLU(LEAKY_ALPHA)).build());
            if (size > 7) {
                list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build());
                size /= 2;
            }
        }
        list.layer(new DenseLayer.Builder().nOut(spec.dense()).activation(new ActivationLReLU(LEAKY_ALPHA)).build());
        list.layer(output(spec.dropout()));
        list.setInputType(InputType.convolutionalFlat(side, side, 1));
    }

    private static void lenet(NeuralNetConfiguration.ListBuilder list, LeNetSpec spec, int side) {
        list.layer(new ConvolutionLayer.Builder(5, 5).nOut(20).stride(1, 1).activation(Activation.IDENTITY).build());
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        // A 14x14 input is too small for a second valid 5x5 convolution and pool; pad it instead.
        ConvolutionLayer.Builder second = new ConvolutionLayer.Builder(5, 5).nOut(50).stride(1, 1).activation(Activation.IDENTITY);
        if (side < 28) second.convolutionMode(ConvolutionMode.Same);
        list.layer(second.build());
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        list.layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build());
        list.layer(output(spec.dropout()));
        list.setInputType(InputType.convolutionalFlat(side, side, 1));
    }

    private static OutputLayer output(double dropout) {
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(CLASSES).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
        if (dropout > 0) out.dropOut(retain(dropout));
        return out.build();
    }
}
