package digitloop.gan;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the two networks. The generator is a graph with two inputs, the noise and the label (one-hot, which
 * a learned embedding turns into a vector); the discriminator is a plain stack whose input is the image
 * with ten one-hot label planes beside it, and its eleven outputs are a real-or-generated score and the digit's
 * name ({@link DiscriminatorLoss}); one stack with one loss, so {@link MultiLayerNetwork#calculateGradients} hands
 * back the gradient with respect to the image that the generator trains on.
 */
public final class GanNetworks {
    static final String NOISE = "z";
    static final String LABEL = "label";
    static final String IMAGE = "image";
    /** Image plus one plane per label. */
    static final int DISCRIMINATOR_CHANNELS_IN = 1 + GanSpec.LABELS;

    private GanNetworks() {
    }

    public static ComputationGraph generator(GanSpec spec, GanConfig config) {
        int c = spec.generatorChannels();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .updater(new Adam(config.learningRate(), config.beta1(), 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                // Training feeds forward and back by hand (the error comes from the discriminator), which
                // DL4J's workspaces do not expect outside fit().
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .graphBuilder()
                .addInputs(NOISE, LABEL)
                .setInputTypes(InputType.feedForward(spec.zSize()), InputType.feedForward(GanSpec.LABELS))
                // A dense layer without bias over a one-hot label is an embedding lookup; DL4J's EmbeddingLayer
                // takes its nIn from the input type, which for a column of indices is 1.
                .addLayer("embed", new DenseLayer.Builder().nOut(spec.embeddingSize()).hasBias(false)
                        .activation(Activation.IDENTITY).build(), LABEL)
                .addVertex("merge", new MergeVertex(), NOISE, "embed")
                .addLayer("dense", new DenseLayer.Builder().nOut(c * 7 * 7).activation(Activation.IDENTITY).build(), "merge")
                .addLayer("dense-bn", new BatchNormalization.Builder().build(), "dense")
                .addLayer("dense-act", new ActivationLayer(Activation.RELU), "dense-bn")
                .addLayer("up14", new Upsampling2D.Builder(2).build(), "dense-act")
                .inputPreProcessor("up14", new FeedForwardToCnnPreProcessor(7, 7, c))
                .addLayer("conv14", conv(c / 2, Activation.IDENTITY), "up14")
                .addLayer("bn14", new BatchNormalization.Builder().build(), "conv14")
                .addLayer("act14", new ActivationLayer(Activation.RELU), "bn14")
                .addLayer("up28", new Upsampling2D.Builder(2).build(), "act14")
                .addLayer("conv28", conv(c / 4, Activation.IDENTITY), "up28")
                .addLayer("bn28", new BatchNormalization.Builder().build(), "conv28")
                .addLayer("act28", new ActivationLayer(Activation.RELU), "bn28")
                .addLayer(IMAGE, conv(1, Activation.SIGMOID), "act28")
                .setOutputs(IMAGE)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    public static MultiLayerNetwork discriminator(GanSpec spec, GanConfig config) {
        int c = spec.discriminatorChannels();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(config.seed() + 1)
                .updater(new Adam(config.learningRate(), config.beta1(), 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(c).activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(c * 2).activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(lossOf(spec)).nOut(DiscriminatorLoss.OUTPUTS).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(GanSpec.SIDE, GanSpec.SIDE, DISCRIMINATOR_CHANNELS_IN))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    public static DiscriminatorLoss lossOf(GanSpec spec) {
        return new DiscriminatorLoss(spec.loss() == GanLoss.LEAST_SQUARES, spec.classWeight());
    }

    private static ConvolutionLayer conv(int out, Activation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(out).convolutionMode(ConvolutionMode.Same).activation(activation).build();
    }
}
