package digitloop.cli.bench;

import digitloop.data.Digits;
import digitloop.model.ArchitectureSpec;
import digitloop.model.Classifier;
import digitloop.model.ModelMetadata;
import digitloop.model.NetworkFactory;
import digitloop.model.TrainingSettings;
import digitloop.data.Degradation;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Training and evaluation images per second of a freshly built network on real images. */
final class Throughput {
    private Throughput() {
    }

    static double training(ArchitectureSpec spec, Digits data, int batch, int warmup, int iterations) {
        MultiLayerNetwork net = NetworkFactory.build(spec, data.side(), 1, 1e-3);
        DataSet[] batches = batches(data, batch, Math.min(8, data.size() / batch));
        for (int i = 0; i < warmup; i++) net.fit(batches[i % batches.length]);
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) net.fit(batches[i % batches.length]);
        return (double) iterations * batch / ((System.nanoTime() - start) / 1e9);
    }

    static double evaluation(ArchitectureSpec spec, Digits data, int repeats) {
        MultiLayerNetwork net = NetworkFactory.build(spec, data.side(), 1, 1e-3);
        Classifier classifier = new Classifier(net, metadataFor(spec, data.side()));
        classifier.score(data.head(Classifier.BATCH));
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) classifier.score(data);
        return (double) repeats * data.size() / ((System.nanoTime() - start) / 1e9);
    }

    static ModelMetadata metadataFor(ArchitectureSpec spec, int side) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "bench", spec, Degradation.NONE, side,
                new TrainingSettings(0, 0, 0, 1, 0, 0, "none", 0, 0, 0, 0), List.of(), null, 0, Float.MAX_VALUE,
                "", Map.of(), "");
    }

    private static DataSet[] batches(Digits data, int batch, int count) {
        int pixels = data.pixelsPerImage();
        DataSet[] sets = new DataSet[Math.max(count, 1)];
        for (int b = 0; b < sets.length; b++) {
            float[] x = new float[batch * pixels];
            float[] y = new float[batch * NetworkFactory.CLASSES];
            for (int k = 0; k < batch; k++) {
                int i = (b * batch + k) % data.size();
                data.copyImage(i, x, k * pixels);
                y[k * NetworkFactory.CLASSES + data.label(i)] = 1f;
            }
            INDArray features = Nd4j.create(x, new long[] {batch, pixels}, 'c');
            INDArray labels = Nd4j.create(y, new long[] {batch, NetworkFactory.CLASSES}, 'c');
            sets[b] = new DataSet(features, labels);
        }
        return sets;
    }
}
