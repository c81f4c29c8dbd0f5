package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Folding batch-norm into the convolutions changes how many layers run, not what the network answers. */
class InferenceNetworkTest {
    @Test
    void theFoldedDefaultCnnAnswersAsTheTrainedOne() {
        MultiLayerNetwork trained = ModelFile.load(Path.of("models", "cnn.zip")).network();
        INDArray before = trained.params().dup();
        MultiLayerNetwork folded = InferenceNetwork.fold(trained);
        assertEquals(trained.getnLayers() - 6, folded.getnLayers(), "three blocks of convolution, batch-norm, activation became three layers");

        INDArray x = images(TestData.test().head(2000));
        INDArray p = trained.output(x, false);
        INDArray q = folded.output(x, false);
        assertArrayEquals(p.argMax(1).toLongVector(), q.argMax(1).toLongVector(), "every one of 2,000 test digits read the same");
        double worst = p.sub(q).amaxNumber().doubleValue();
        assertTrue(worst < 1e-3, "probabilities differ by at most float rounding, got " + worst);
        assertEquals(before, trained.params(), "the trained network is left as it was");
    }

    @Test
    void aNetworkWithoutBatchNormIsReturnedAsItIs() {
        MultiLayerNetwork lenet = NetworkFactory.build(new LeNetSpec(0.5), 28, 1, 1e-3);
        assertSame(lenet, InferenceNetwork.fold(lenet));
    }

    private static INDArray images(Digits digits) {
        float[] buffer = new float[digits.size() * 784];
        for (int i = 0; i < digits.size(); i++) digits.copyImage(i, buffer, i * 784);
        return Nd4j.create(buffer, new long[] {digits.size(), 784}, 'c');
    }
}
