package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.model.CnnSpec;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.NetworkFactory;
import digitloop.task.CancellationToken;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The default CNN's weights start other tasks: 14×14 input, and noise of σ 0.3 with few images. */
class TransferTest {
    private static LoadedModel source;

    @BeforeAll
    static void load() {
        source = ModelFile.load(AppHome.resolve("models", "cnn.zip"));
    }

    @Test
    void theWeightsFitTheFourteenPixelNetworkAndAHeadTrainingLeavesTheFeaturesAlone() {
        MultiLayerNetwork small = Transfer.copyWeights(source.network(), NetworkFactory.build(CnnSpec.DEFAULT, 14, 3, 1e-3));
        assertEquals(source.network().params(), small.params(), "same convolutions, and at 7x7 the same dense layer");
        MultiLayerNetwork head = Transfer.prepare(small, TransferStrategy.HEAD, 0, 1e-3, 3);
        int dense = Transfer.firstDense(head);
        INDArray conv = head.getLayer(0).params().dup();
        INDArray denseBefore = head.getLayer(dense).params().dup();
        assertTrue(!denseBefore.equals(small.getLayer(dense).params()), "the head starts from new weights");
        Digits train = Degradation.downsampled().apply(TestData.train().head(256));
        head.fit(new org.nd4j.linalg.dataset.DataSet(toFeatures(train, 64), toLabels(train, 64)));
        assertEquals(conv, head.getLayer(0).params(), "frozen convolutions do not move");
        assertTrue(!denseBefore.equals(head.getLayer(dense).params()), "the head learns");

        TrainingResult gradual = new Trainer(TrainingConfig.DEFAULT.withEpochs(2)).transfer(source, TransferStrategy.GRADUAL, 0,
                Degradation.downsampled(), train, Degradation.downsampled().apply(TestData.train().subset(range(50_000, 300))),
                TrainingListener.NONE, CancellationToken.none());
        assertEquals(2, gradual.history().size(), "a head epoch, then an epoch of every layer");
        assertEquals(14, gradual.model().metadata().inputSide());
        assertEquals(1e-4, gradual.history().get(1).learningRate(), 1e-9, "the second phase at a tenth of the rate");
        float[] p = gradual.model().classifier().score(Degradation.downsampled().apply(TestData.test().head(5))).probabilities()[0];
        double sum = 0;
        for (float v : p) sum += v;
        assertEquals(1, sum, 1e-4, "a plain network that scores 14x14 images");
    }

    @Test
    void withTwoThousandNoisyImagesTheTransferredHeadBeatsTrainingFromScratch() {
        Degradation noisy = Degradation.noise(0.3);
        Digits train = noisy.apply(TestData.train().head(2000));
        Digits validation = noisy.apply(TestData.train().subset(range(55_000, 1000)));
        Digits test = noisy.apply(TestData.test().head(2000));
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(2);
        TrainingResult head = new Trainer(config).transfer(source, TransferStrategy.HEAD, 0, noisy, train, validation,
                TrainingListener.NONE, CancellationToken.none());
        TrainingResult scratch = new Trainer(config).train(CnnSpec.DEFAULT, noisy, train, validation, TrainingListener.NONE,
                CancellationToken.none());
        double transferred = Evaluator.report(head.model().classifier().score(test), test.labels()).accuracy();
        double fresh = Evaluator.report(scratch.model().classifier().score(test), test.labels()).accuracy();
        assertTrue(transferred > 0.9, "the clean model's features, a new head, 2,000 noisy images: " + transferred);
        assertTrue(transferred > fresh, "head " + transferred + " vs from scratch " + fresh);
        assertEquals(source.network().params().length(), head.model().network().params().length(), "a plain network again");
    }

    private static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) r[i] = from + i;
        return r;
    }

    private static INDArray toFeatures(Digits d, int n) {
        float[] x = new float[n * d.pixelsPerImage()];
        for (int i = 0; i < n; i++) d.copyImage(i, x, i * d.pixelsPerImage());
        return org.nd4j.linalg.factory.Nd4j.create(x, new long[] {n, d.pixelsPerImage()}, 'c');
    }

    private static INDArray toLabels(Digits d, int n) {
        float[] y = new float[n * 10];
        for (int i = 0; i < n; i++) y[i * 10 + d.label(i)] = 1f;
        return org.nd4j.linalg.factory.Nd4j.create(y, new long[] {n, 10}, 'c');
    }
}
