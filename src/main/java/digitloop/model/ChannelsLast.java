package digitloop.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rewrites a one-channel convolutional network from NCHW to NHWC for inference: the convolutions and
 * pools change layout, and the first dense layer's weight rows are reordered from (channel, row,
 * column) to (row, column, channel), the order NHWC activations flatten in. Convolution weights keep
 * their shape: DL4J stores them [out, in, height, width] in either layout.
 */
final class ChannelsLast {
    private ChannelsLast() {
    }

    /** Convolutions and pools on a flat one-channel input, then dense layers, and nothing else. */
    static boolean convertible(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        if (!(conf.getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor first) || first.getNumChannels() != 1) return false;
        boolean dense = false;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (layer instanceof ConvolutionLayer conv && !dense && conv.getClass() == ConvolutionLayer.class
                    && conv.getCnn2dDataFormat() == CNN2DFormat.NCHW && (pre == null || i == 0)) continue;
            if (layer instanceof SubsamplingLayer pool && !dense && pool.getClass() == SubsamplingLayer.class
                    && pool.getCnn2dDataFormat() == CNN2DFormat.NCHW && pre == null) continue;
            if ((layer instanceof DenseLayer || layer instanceof OutputLayer) && i > 0) {
                if (!dense && !(pre instanceof CnnToFeedForwardPreProcessor flat && flat.getFormat() == CNN2DFormat.NCHW)) return false;
                if (dense && pre != null) return false;
                dense = true;
                continue;
            }
            return false;
        }
        return dense;
    }

    static InferenceNetwork.Folded convert(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        int side = (int) ((FeedForwardToCnnPreProcessor) conf.getInputPreProcess(0)).getInputHeight();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list();
        int firstDense = -1;
        long[] flatShape = null;
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = conf.getConf(i).getLayer().clone();
            if (layer instanceof ConvolutionLayer conv) conv.setCnn2dDataFormat(CNN2DFormat.NHWC);
            if (layer instanceof SubsamplingLayer pool) pool.setCnn2dDataFormat(CNN2DFormat.NHWC);
            if (conf.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor flat) {
                firstDense = i;
                flatShape = new long[] {flat.getNumChannels(), flat.getInputHeight(), flat.getInputWidth()};
                list.inputPreProcessor(i, new CnnToFeedForwardPreProcessor(flat.getInputHeight(), flat.getInputWidth(),
                        flat.getNumChannels(), CNN2DFormat.NHWC));
            }
            layers.add(layer);
            list.layer(i, layer);
        }
        MultiLayerNetwork converted = new MultiLayerNetwork(list.build());
        converted.init();
        for (int i = 0; i < layers.size(); i++) {
            var source = network.getLayer(i);
            var target = converted.getLayer(i);
            for (var param : source.paramTable().entrySet()) {
                INDArray value = param.getValue();
                if (i == firstDense && param.getKey().equals("W")) value = rowsChannelsLast(value, flatShape);
                target.setParam(param.getKey(), value.dup());
            }
        }
        return new InferenceNetwork.Folded(converted, true, side);
    }

    /** A dense layer's [c·h·w, out] weights with their rows in (h, w, c) order. */
    private static INDArray rowsChannelsLast(INDArray weights, long[] chw) {
        long out = weights.size(1);
        INDArray byChannel = weights.dup('c').reshape('c', chw[0], chw[1], chw[2], out);
        return byChannel.permute(1, 2, 0, 3).dup('c').reshape('c', weights.size(0), out);
    }
}
