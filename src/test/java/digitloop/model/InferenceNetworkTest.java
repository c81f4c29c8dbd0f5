package digitloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Folding batch-norm into the convolutions and moving to NHWC change how the network runs, not what it answers. */
class InferenceNetworkTest {
    @Test
    void theFoldedDefaultCnnAnswersAsTheTrainedOne() {
        MultiLayerNetwork trained = ModelFile.load(Path.of("models", "cnn.zip")).network();
        INDArray before = trained.params().dup();
        InferenceNetwork.Folded folded = InferenceNetwork.fold(trained);
        assertEquals(trained.getnLayers() - 6, folded.network().getnLayers(), "three blocks of convolution, batch-norm, activation became three layers");
        assertTrue(folded.channelsLast());
        assertSameAnswers(trained, folded, TestData.test().head(2000));
        assertEquals(before, trained.params(), "the trained network is left as it was");
    }

    @Test
    void theClassifierScoresTheDefaultCnnAsTheTrainedNetworkAnswers() {
        LoadedModel cnn = ModelFile.load(Path.of("models", "cnn.zip"));
        Digits digits = TestData.test().head(1000);
        float[] pixels = new float[digits.size() * 784];
        for (int i = 0; i < digits.size(); i++) digits.copyImage(i, pixels, i * 784);
        float[][] expected = cnn.network().output(Nd4j.create(pixels, new long[] {digits.size(), 784}, 'c'), false).toFloatMatrix();
        // Twice: the trunk's workspaces are reused between calls, and the second batch must not see the first's buffers.
        for (int pass = 0; pass < 2; pass++) {
            float[][] p = cnn.classifier().score(digits).probabilities();
            double worst = 0;
            for (int i = 0; i < p.length; i++) for (int c = 0; c < 10; c++) worst = Math.max(worst, Math.abs(p[i][c] - expected[i][c]));
            assertTrue(worst < 1e-3, "pass " + pass + ": probabilities differ by at most float rounding, got " + worst);
        }
    }

    @Test
    void aLeNetWithoutBatchNormMovesToChannelsLastWithTheSameAnswers() {
        MultiLayerNetwork lenet = NetworkFactory.build(new LeNetSpec(0.5), 28, 1, 1e-3);
        InferenceNetwork.Folded folded = InferenceNetwork.fold(lenet);
        assertEquals(lenet.getnLayers(), folded.network().getnLayers());
        assertTrue(folded.channelsLast());
        assertSameAnswers(lenet, folded, TestData.test().head(500));
    }

    @Test
    void anMlpIsRunAsItIs() {
        MultiLayerNetwork mlp = NetworkFactory.build(new MlpSpec(List.of(64), "relu", 0.0), 28, 1, 1e-3);
        InferenceNetwork.Folded folded = InferenceNetwork.fold(mlp);
        assertSame(mlp, folded.network());
        assertFalse(folded.channelsLast());
        assertSameAnswers(mlp, folded, TestData.test().head(300));
    }

    private static void assertSameAnswers(MultiLayerNetwork trained, InferenceNetwork.Folded folded, Digits digits) {
        float[] pixels = new float[digits.size() * 784];
        for (int i = 0; i < digits.size(); i++) digits.copyImage(i, pixels, i * 784);
        INDArray p = trained.output(Nd4j.create(pixels, new long[] {digits.size(), 784}, 'c'), false);
        INDArray q = folded.network().output(folded.input(pixels, digits.size()), false);
        long[] was = p.argMax(1).toLongVector();
        long[] is = q.argMax(1).toLongVector();
        for (int i = 0; i < was.length; i++) {
            // An untrained network's near-ties may flip by rounding; a decided answer may not.
            double[] row = p.getRow(i).toDoubleVector();
            double[] sorted = row.clone();
            java.util.Arrays.sort(sorted);
            if (sorted[9] - sorted[8] > 1e-2) assertEquals(was[i], is[i], "test digit " + i + " reads the same");
        }
        double worst = p.sub(q).amaxNumber().doubleValue();
        assertTrue(worst < 1e-3, "probabilities differ by at most float rounding, got " + worst);
    }
}
