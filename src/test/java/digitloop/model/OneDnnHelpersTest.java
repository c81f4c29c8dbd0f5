package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/**
 * Guards the fast path: on a CPU with a oneDNN build, every convolution, pooling and batch-norm
 * layer must get its oneDNN helper. A DL4J upgrade that renames the support check again fails here
 * instead of silently training five times slower.
 */
class OneDnnHelpersTest {

    @Test
    void convolutionPoolingAndBatchNormLayersOfTheDefaultCnnGetOneDnnHelpers() {
        assumeTrue(NativeBackend.configure().usesOneDnn(), "this CPU runs the generic build");
        MultiLayerNetwork net = NetworkFactory.build(CnnSpec.DEFAULT, 28, 1, 1e-3);
        net.output(Nd4j.rand(DataType.FLOAT, 2, 784));

        // Three blocks: conv + BN each, and pooling after the first two (the 7x7 block is not pooled).
        assertEquals(List.of("MKLDNNConvHelper", "MKLDNNBatchNormHelper", "MKLDNNSubsamplingHelper",
                "MKLDNNConvHelper", "MKLDNNBatchNormHelper", "MKLDNNSubsamplingHelper",
                "MKLDNNConvHelper", "MKLDNNBatchNormHelper"), BackendProbe.helpers(net));
    }

    @Test
    void leNetsConvolutionAndPoolingLayersGetOneDnnHelpers() {
        assumeTrue(NativeBackend.configure().usesOneDnn(), "this CPU runs the generic build");
        MultiLayerNetwork net = NetworkFactory.build(LeNetSpec.DEFAULT, 28, 1, 1e-3);
        net.output(Nd4j.rand(DataType.FLOAT, 2, 784));

        assertEquals(List.of("MKLDNNConvHelper", "MKLDNNSubsamplingHelper", "MKLDNNConvHelper", "MKLDNNSubsamplingHelper"),
                BackendProbe.helpers(net));
    }
}
