package digitloop.gan;

import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a conditional GAN. Each batch: the generator draws fakes of random labels; the discriminator learns
 * real (target 1) against those fakes (target 0); then the discriminator's gradient with respect to the fakes,
 * for target 1, is passed back through the generator by hand and Adam applies it. The shuffling, noise and
 * labels of epoch e come from (seed, e) alone, so a run resumed from its checkpoint draws what it would have.
 * After each epoch the checkpoint is written (if there is one) and the fixed-noise sample grid reported.
 */
public final class GanTrainer {
    private static final Logger log = LoggerFactory.getLogger(GanTrainer.class);
    /** Columns of the sample grid: fixed noise vectors, the same for every label and epoch. */
    public static final int GRID_NOISE = 10;
    /** The generator's loss and the real/fake scores are sampled every this many batches: each costs a forward pass of its own. */
    private static final int SCORE_EVERY = 10;

    private final GanSpec spec;
    private final GanConfig config;
    private final GanCheckpoint checkpoint;

    /** {@code checkpoint} may be null: nothing is written and nothing can be resumed. */
    public GanTrainer(GanSpec spec, GanConfig config, GanCheckpoint checkpoint) {
        this.spec = spec;
        this.config = config;
        this.checkpoint = checkpoint;
    }

    /** Trains from scratch, or from the checkpoint when {@code resume} (its shape and settings win, but the epoch count is this config's). */
    public GanTrainingResult train(Digits train, boolean resume, GanListener listener, CancellationToken cancel) throws IOException {
        if (train.side() != GanSpec.SIDE) {
            throw new IllegalArgumentException("the GAN trains on 28x28 images, got " + train.side() + "x" + train.side());
        }
        Digits data = config.limit() > 0 && config.limit() < train.size() ? train.head(config.limit()) : train;
        String md5 = data.contentMd5();
        GanSpec runSpec = spec;
        GanConfig runConfig = config;
        ComputationGraph g;
        MultiLayerNetwork d;
        List<GanEpoch> history = new ArrayList<>();
        int firstEpoch = 1;
        int iteration = 0;
        double secondsBefore = 0;
        if (resume) {
            if (checkpoint == null || !checkpoint.exists()) {
                throw new GanFileException("There is no checkpoint to resume from" + (checkpoint == null ? "" : " in " + checkpoint.folder())
                        + ". Leave out --resume to train anew.");
            }
            GanState state = checkpoint.state().orElseThrow();
            if (!state.dataMd5().equals(md5)) {
                throw new GanFileException("The checkpoint in " + checkpoint.folder() + " was trained on other images (MD5 "
                        + state.dataMd5() + ", these are " + md5 + "). Resume with the same data and --limit, or train anew.");
            }
            runSpec = state.spec();
            runConfig = state.config().withEpochs(config.epochs());
            GanCheckpoint.Networks networks = checkpoint.load(state);
            g = networks.generator();
            d = networks.discriminator();
            history.addAll(state.history());
            firstEpoch = state.epochsDone() + 1;
            iteration = state.iteration();
            secondsBefore = state.seconds();
            log.info("resuming the GAN from epoch {} of {} in {}", state.epochsDone(), checkpoint.folder(), runConfig.epochs());
        } else {
            Nd4j.getRandom().setSeed(config.seed());
            g = GanNetworks.generator(spec, config);
            d = GanNetworks.discriminator(spec, config);
        }
        Generator generator = new Generator(g, runSpec);
        Run run = new Run(runSpec, runConfig, data, g, d);
        float[] gridNoise = Generator.noise(runConfig.seed(), GRID_NOISE, runSpec.zSize());
        int[] gridLabels = Generator.labelsOf(GRID_NOISE);
        float[] gridAll = new float[gridNoise.length * GanSpec.LABELS];
        for (int label = 0; label < GanSpec.LABELS; label++) System.arraycopy(gridNoise, 0, gridAll, label * gridNoise.length, gridNoise.length);

        int batches = data.size() / runConfig.batch();
        long start = System.nanoTime();
        int batchesDone = 0;
        int batchesLeftAtStart = (runConfig.epochs() - firstEpoch + 1) * batches;
        for (int epoch = firstEpoch; epoch <= runConfig.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = digitloop.data.Splits.permutation(data.size(), runConfig.seed() * 1_000_003L + epoch);
            Random noise = new Random(runConfig.seed() * 7_919L + epoch);
            double gSum = 0, dSum = 0, realSum = 0, fakeSum = 0;
            int scored = 0;
            for (int b = 0; b < batches; b++) {
                if (cancel.isCancelled()) {
                    return end(GanTrainingResult.Status.CANCELLED, "cancelled in epoch " + epoch, history.isEmpty() ? null : generator,
                            history, secondsBefore, start, md5);
                }
                iteration++;
                Step step = run.step(order, b * runConfig.batch(), noise, iteration, epoch, b % SCORE_EVERY == 0);
                if (!Double.isFinite(step.discriminatorLoss) || step.scored && !Double.isFinite(step.generatorLoss)) {
                    log.warn("GAN losses not finite at epoch {} batch {}: G {} D {}", epoch, b, step.generatorLoss, step.discriminatorLoss);
                    return end(GanTrainingResult.Status.DIVERGED, String.format(java.util.Locale.ROOT,
                            "the losses became NaN or infinite in epoch %d, batch %d; try a lower --lr", epoch, b + 1),
                            history.isEmpty() ? null : generator, history, secondsBefore, start, md5);
                }
                dSum += step.discriminatorLoss;
                if (step.scored) {
                    gSum += step.generatorLoss;
                    realSum += step.realScore;
                    fakeSum += step.fakeScore;
                    scored++;
                }
                batchesDone++;
                double perBatch = (System.nanoTime() - start) / 1e9 / batchesDone;
                listener.onBatch(epoch, runConfig.epochs(), b + 1, batches, perBatch * (batchesLeftAtStart - batchesDone));
            }
            float[] samples = generator.generate(gridLabels, gridAll, 1.0);
            double[] variety = Variety.perLabel(samples, gridLabels);
            int lowest = 0;
            for (int l = 1; l < variety.length; l++) if (variety[l] < variety[lowest]) lowest = l;
            GanEpoch figures = new GanEpoch(epoch, gSum / Math.max(1, scored), dSum / batches, realSum / Math.max(1, scored),
                    fakeSum / Math.max(1, scored), variety[lowest], lowest, (System.nanoTime() - epochStart) / 1e9);
            history.add(figures);
            if (figures.collapsed()) {
                log.warn("GAN epoch {}: label {} varies {} across the grid's noise: mode collapse", epoch, lowest, variety[lowest]);
            }
            if (checkpoint != null) {
                checkpoint.save(new GanState(runSpec, runConfig, epoch, iteration, history,
                        secondsBefore + (System.nanoTime() - start) / 1e9, md5,
                        GanCheckpoint.generatorName(epoch), GanCheckpoint.discriminatorName(epoch)), g, d);
            }
            listener.onEpoch(figures, runConfig.epochs(), SampleGrid.tile(samples, GRID_NOISE));
        }
        GanEpoch last = history.isEmpty() ? null : history.get(history.size() - 1);
        String message = last != null && last.collapsed()
                ? String.format(java.util.Locale.ROOT, "trained %d epochs, but label %d collapsed to one image (variety %.3f)",
                        runConfig.epochs(), last.lowestVarietyLabel(), last.lowestVariety())
                : "trained " + runConfig.epochs() + " epochs";
        return end(GanTrainingResult.Status.COMPLETED, message, generator, history, secondsBefore, start, md5);
    }

    private static GanTrainingResult end(GanTrainingResult.Status status, String message, Generator generator, List<GanEpoch> history,
                                         double secondsBefore, long start, String md5) {
        return new GanTrainingResult(status, message, generator, history, secondsBefore + (System.nanoTime() - start) / 1e9, md5);
    }

    private record Step(double generatorLoss, double discriminatorLoss, boolean scored, double realScore, double fakeScore) {
    }

    /** One run's networks and buffers. */
    private static final class Run {
        private final GanSpec spec;
        private final GanConfig config;
        private final Digits data;
        private final ComputationGraph g;
        private final MultiLayerNetwork d;
        private final DiscriminatorLoss loss;

        Run(GanSpec spec, GanConfig config, Digits data, ComputationGraph g, MultiLayerNetwork d) {
            this.spec = spec;
            this.config = config;
            this.data = data;
            this.g = g;
            this.d = d;
            this.loss = GanNetworks.lossOf(spec);
        }

        Step step(int[] order, int from, Random noise, int iteration, int epoch, boolean score) {
            int n = config.batch();
            float[] real = new float[n * GanSpec.PIXELS];
            int[] realLabels = new int[n];
            for (int i = 0; i < n; i++) {
                int index = order[from + i];
                data.copyImage(index, real, i * GanSpec.PIXELS);
                realLabels[i] = data.label(index);
            }
            float[] z = new float[n * spec.zSize()];
            for (int i = 0; i < z.length; i++) z[i] = (float) noise.nextGaussian();
            int[] fakeLabels = new int[n];
            for (int i = 0; i < n; i++) fakeLabels[i] = noise.nextInt(GanSpec.LABELS);
            // The generator's forward pass keeps its layers' inputs for the backward pass below.
            INDArray fake = g.feedForward(new INDArray[]{Nd4j.create(z, new long[]{n, spec.zSize()}),
                    Generator.oneHot(fakeLabels)}, true, false).get(GanNetworks.IMAGE);
            INDArray realInput = Nd4j.concat(1, Nd4j.create(real, new long[]{n, 1, GanSpec.SIDE, GanSpec.SIDE}), labelPlanes(realLabels));
            INDArray fakeInput = Nd4j.concat(1, fake.dup(), labelPlanes(fakeLabels));

            // Real digits are named by their label; generated ones are only told apart, not named, so the naming
            // the generator is judged by is learnt from real handwriting alone.
            DataSet both = new DataSet(Nd4j.concat(0, realInput, fakeInput),
                    Nd4j.concat(0, DiscriminatorLoss.targets(1, realLabels, n), DiscriminatorLoss.targets(0, null, n)));
            double realScore = Double.NaN;
            double fakeScore = Double.NaN;
            if (score) {
                INDArray realness = loss.realness(d.output(both.getFeatures(), false));
                realScore = realness.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).meanNumber().doubleValue();
                fakeScore = realness.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()).meanNumber().doubleValue();
            }
            d.fit(both);
            double dLoss = d.score();

            // calculateGradients does not set the network's score, so the generator's loss is measured by a
            // forward pass of its own, on the sampled batches only: its adversarial part, comparable across naming weights.
            double gLoss = Double.NaN;
            if (score) gLoss = loss.adversarial(d.output(fakeInput, false), 1);
            // The generator wants its digits taken for real and named as the label they were drawn for.
            Pair<Gradient, INDArray> toFake = d.calculateGradients(fakeInput, DiscriminatorLoss.targets(1, fakeLabels, n), null, null);
            INDArray imageError = toFake.getSecond().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1),
                    NDArrayIndex.all(), NDArrayIndex.all()).dup();
            Gradient gradient = g.backpropGradient(imageError);
            g.getUpdater().update(gradient, iteration, epoch, n, LayerWorkspaceMgr.noWorkspaces());
            g.params().subi(gradient.gradient());
            g.getConfiguration().setIterationCount(iteration);
            g.getConfiguration().setEpochCount(epoch);
            return new Step(gLoss, dLoss, score, realScore, fakeScore);
        }

        private static INDArray labelPlanes(int[] labels) {
            float[] planes = new float[labels.length * GanSpec.LABELS * GanSpec.PIXELS];
            for (int i = 0; i < labels.length; i++) {
                java.util.Arrays.fill(planes, (i * GanSpec.LABELS + labels[i]) * GanSpec.PIXELS,
                        (i * GanSpec.LABELS + labels[i] + 1) * GanSpec.PIXELS, 1f);
            }
            return Nd4j.create(planes, new long[]{labels.length, GanSpec.LABELS, GanSpec.SIDE, GanSpec.SIDE});
        }
    }
}
