package digitloop.hitl;

import digitloop.data.Augmentation;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.ArchitectureSpec;
import digitloop.model.LoadedModel;
import digitloop.model.ModelMetadata;
import digitloop.model.NetworkFactory;
import digitloop.model.TrainingSettings;
import digitloop.task.CancellationToken;
import digitloop.train.Thresholds;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed number of mini-batch steps on a small labelled set, for the al-curve's hundreds of
 * from-scratch trainings. {@link digitloop.train.Trainer} measures train and validation accuracy
 * after every epoch, which on a 20-image set repeated to fill the steps costs more inference than
 * the training itself; this loop does only the steps (reshuffling at every pass over the set) and
 * leaves measuring to the caller.
 *
 * @param decayEvery the learning rate is multiplied by {@code decay} after this many steps
 */
record FixedStepTraining(int steps, int batchSize, double learningRate, double decay, int decayEvery, Augmentation augmentation,
                         long seed) {

    /** A fresh network of {@code spec} trained on {@code train}; null when cancelled. */
    LoadedModel train(ArchitectureSpec spec, Digits train, int humanLabels, CancellationToken cancel) {
        if (train.size() == 0) throw new IllegalArgumentException("There is nothing to train on: the labelled set is empty.");
        long started = System.nanoTime();
        MultiLayerNetwork network = NetworkFactory.build(spec, train.side(), seed, learningRate);
        if (!fit(network, train, step -> { }, cancel)) return null;
        return describe(network, spec, train, humanLabels, (System.nanoTime() - started) / 1e9);
    }

    /** The model file's metadata for a network this training made. */
    LoadedModel describe(MultiLayerNetwork network, ArchitectureSpec spec, Digits train, int humanLabels) {
        return describe(network, spec, train, humanLabels, 0);
    }

    private LoadedModel describe(MultiLayerNetwork network, ArchitectureSpec spec, Digits train, int humanLabels, double seconds) {
        int side = train.side();
        int batch = Math.min(batchSize, train.size());
        TrainingSettings settings = new TrainingSettings(0, batch, learningRate, decay, seed, 0, augmentation.describe(),
                train.size(), 0, humanLabels, seconds);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "al-curve", spec, Degradation.NONE, side, settings,
                List.of(), null, 0, Thresholds.NO_ENERGY_LIMIT, train.contentMd5(), Map.of(), Instant.now().toString());
        return new LoadedModel(network, metadata, null);
    }

    /**
     * Runs the steps on {@code network} in place (a fresh one or a copy to fine-tune), telling
     * {@code onStep} after each; false when cancelled before the last.
     */
    boolean fit(MultiLayerNetwork network, Digits train, java.util.function.IntConsumer onStep, CancellationToken cancel) {
        int side = train.side();
        int pixels = side * side;
        int batch = Math.min(batchSize, train.size());
        SplittableRandom random = new SplittableRandom(seed);
        float[] features = new float[batch * pixels];
        float[] labels = new float[batch * NetworkFactory.CLASSES];
        int[] order = Splits.permutation(train.size(), random.nextLong());
        int next = 0;
        double rate = learningRate;
        network.setLearningRate(rate);
        for (int step = 1; step <= steps; step++) {
            if (cancel.isCancelled()) return false;
            Arrays.fill(labels, 0f);
            for (int k = 0; k < batch; k++) {
                if (next == order.length) {
                    order = Splits.permutation(train.size(), random.nextLong());
                    next = 0;
                }
                int i = order[next++];
                train.copyImage(i, features, k * pixels);
                labels[k * NetworkFactory.CLASSES + train.label(i)] = 1f;
            }
            augmentation.apply(features, batch, side, random);
            network.fit(new DataSet(Nd4j.create(features.clone(), new long[] {batch, pixels}, 'c'),
                    Nd4j.create(labels.clone(), new long[] {batch, NetworkFactory.CLASSES}, 'c')));
            if (!Double.isFinite(network.score())) {
                throw new IllegalStateException("training diverged at step " + step + " (loss " + network.score() + ")");
            }
            if (step % decayEvery == 0) {
                rate *= decay;
                network.setLearningRate(rate);
            }
            onStep.accept(step);
        }
        return true;
    }
}
