package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.EvaluationReport;
import digitloop.model.LoadedModel;
import digitloop.model.ModelMetadata;
import digitloop.model.NetworkFactory;
import digitloop.model.Scores;
import digitloop.model.TrainingSettings;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import digitloop.train.Evaluator;
import digitloop.train.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One round of the review loop, the same for the Review tab and {@code experiment review-round}: the
 * current model retrained on the person's labels by its {@link RetrainRecipe}, both measured on the
 * gate (validation images neither has trained on) and the test set, and a verdict. The retrained
 * model is only a candidate: nothing here replaces the current one.
 */
public final class ReviewRound {
    /** Accuracy on the gate's validation images and on the test set. */
    public record Measure(double validation, double test) {
    }

    public enum Verdict {
        /** Validation accuracy is at least the current model's: the retrain may replace it. */
        NOT_WORSE,
        /** Validation accuracy fell: the current model stays unless the person accepts the loss knowingly. */
        WORSE_ON_VALIDATION
    }

    /**
     * A retrained model waiting for the person's decision.
     *
     * @param nowRight test images (indices into the test set) the current model got wrong and the candidate right
     * @param nowWrong test images the current model got right and the candidate wrong
     * @param testScores the candidate's scores on the test set, so it need not be measured again
     * @param seconds  seconds per phase, in order
     */
    public record Candidate(LoadedModel model, int gateSize, Measure before, Measure after, Verdict verdict, int labels, int corrections,
                            int[] nowRight, int[] nowWrong, Scores testScores, RetrainRecipe recipe, Map<String, Double> seconds) {
        public double validationChange() { return after.validation() - before.validation(); }

        /** Seconds of each phase, one decimal, for the log: "retrain 2.5, measure the retrained model 5.7, …". */
        public String phases() {
            return seconds.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        public double testChange() { return after.test() - before.test(); }

        /** Validation images the candidate reads right minus those the current model does. */
        public int validationImages() { return (int) Math.round(validationChange() * gateSize); }

        /** The verdict in one sentence a person reads before deciding. */
        public String verdictSentence() {
            int images = validationImages();
            return verdict == Verdict.NOT_WORSE
                    ? String.format(Locale.ROOT, "Not worse on the %,d validation images no model trained on (%+d image%s): it can "
                    + "replace the current model.", gateSize, images, Math.abs(images) == 1 ? "" : "s")
                    : String.format(Locale.ROOT, "Worse on the %,d validation images no model trained on (%d image%s fewer read right): "
                    + "keeping the current model is recommended; you can still choose the retrained one.", gateSize, -images,
                    images == -1 ? "" : "s");
        }
    }

    /** The same recipe on as many random pool labels (true labels), measured the same way. */
    public record Baseline(Measure measure, int labels, double seconds) {
    }

    private ReviewRound() {
    }

    /**
     * Retrains {@code current} on {@code answers} (pool sample id → the person's label) and {@code drawings}.
     *
     * @param test           the test set, degraded as the model expects; only measured on
     * @param beforeTest     the current model's predictions on {@code test} if known (null: measured here, once)
     */
    public static Candidate retrain(LoadedModel current, ReviewContract contract, Map<Integer, Integer> answers,
                                    List<LabelEvent> drawings, int corrections, Digits test, int[] beforeTest, RetrainRecipe recipe,
                                    long seed, ProgressSink progress, CancellationToken cancel) {
        if (answers.isEmpty() && drawings.isEmpty()) {
            throw new IllegalArgumentException("There is nothing to retrain on: label a few samples or teach a drawing first.");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Clock clock = new Clock(seconds);
        Classifier classifier = current.classifier();
        Set<Integer> testIds = Retrainer.idsOf(test);
        if (beforeTest == null) {
            beforeTest = predictions(classifier, test, progress, 0.0, 0.2, "Measuring the current model on the test set (once)", cancel);
            clock.lap("measure the current model on the test set");
        }
        double beforeValidation = accuracy(predictions(classifier, contract.gate(), progress, 0.2, 0.25,
                "Measuring the current model on the validation images", cancel), contract.gate());
        Measure before = new Measure(beforeValidation, accuracy(beforeTest, test));
        clock.lap("measure the current model on validation");

        Digits human = Retrainer.humanSet(contract.answerable(), answers, drawings, current.metadata().degradation(), test.side());
        Digits set = trainingSet(contract, human, recipe, seed);
        Retrainer.requireNoTestSamples(set, testIds);
        MultiLayerNetwork network = train(current, set, recipe, seed, progress, 0.25, 0.75, "with your labels", cancel);
        clock.lap("retrain");

        LoadedModel trained = new LoadedModel(network, candidateMetadata(current, contract, answers.keySet(), set, network, recipe,
                seconds.getOrDefault("retrain", 0.0)), null);
        Classifier retrained = trained.classifier();
        int[] afterValidation = predictions(retrained, contract.gate(), progress, 0.75, 0.8, "Measuring the retrained model on validation", cancel);
        Scores afterScores = score(retrained, test, progress, 0.8, 1.0, "Measuring the retrained model on the test set", cancel);
        int[] afterTest = afterScores.predictions();
        Measure after = new Measure(accuracy(afterValidation, contract.gate()), accuracy(afterTest, test));
        clock.lap("measure the retrained model");
        EvaluationReport report = Evaluator.report(afterScores, test.labels());
        LoadedModel candidate = new LoadedModel(network, trained.metadata().withTest(report), null);
        List<Integer> right = new ArrayList<>();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            boolean was = beforeTest[i] == test.label(i);
            boolean is = afterTest[i] == test.label(i);
            if (!was && is) right.add(i);
            if (was && !is) wrong.add(i);
        }
        Verdict verdict = after.validation() >= before.validation() ? Verdict.NOT_WORSE : Verdict.WORSE_ON_VALIDATION;
        return new Candidate(candidate, contract.gate().size(), before, after, verdict, answers.size() + drawings.size(), corrections,
                PoolSplit.toArray(right), PoolSplit.toArray(wrong), afterScores, recipe, Map.copyOf(seconds));
    }

    /** {@code count} random pool samples with their true labels, the same recipe and seed: what the labels are measured against. */
    public static Baseline randomBaseline(LoadedModel current, ReviewContract contract, int count, Digits test, RetrainRecipe recipe,
                                          long seed, ProgressSink progress, CancellationToken cancel) {
        long started = System.nanoTime();
        Oracle oracle = new Oracle(contract.hidden(), 0, seed);
        Map<Integer, Integer> random = new LinkedHashMap<>();
        for (int index : StrategyKind.RANDOM.create().select(null, contract.pool(), Math.max(1, count), QueryOptions.DEFAULT.withSeed(seed))) {
            random.put(contract.pool().id(index), oracle.answer(contract.pool().id(index)));
        }
        Digits human = Retrainer.humanSet(contract.pool(), random, List.of(), current.metadata().degradation(), test.side());
        Digits set = trainingSet(contract, human, recipe, seed);
        Retrainer.requireNoTestSamples(set, Retrainer.idsOf(test));
        MultiLayerNetwork network = train(current, set, recipe, seed, progress, 0, 0.8, "with as many random labels (the baseline)", cancel);
        Classifier c = new LoadedModel(network, current.metadata(), null).classifier();
        double validation = accuracy(predictions(c, contract.gate(), progress, 0.8, 0.85, "Measuring the baseline on validation", cancel),
                contract.gate());
        double testAccuracy = accuracy(predictions(c, test, progress, 0.85, 1.0, "Measuring the baseline on the test set", cancel), test);
        return new Baseline(new Measure(validation, testAccuracy), random.size(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The replay (a seeded sample of what the model trained on, or all of it) and the human labels
     * repeated {@link RetrainRecipe#repeat()} times.
     */
    static Digits trainingSet(ReviewContract contract, Digits human, RetrainRecipe recipe, long seed) {
        Digits replay = contract.replay(recipe.replay(), seed);
        int[] repeated = new int[human.size() * recipe.repeat()];
        for (int i = 0; i < repeated.length; i++) repeated[i] = i % Math.max(1, human.size());
        return human.size() == 0 ? replay : replay.concat(human.subset(repeated));
    }

    private static MultiLayerNetwork train(LoadedModel current, Digits set, RetrainRecipe recipe, long seed, ProgressSink progress,
                                           double from, double to, String what, CancellationToken cancel) {
        int batch = Math.min(recipe.batchSize(), set.size());
        int steps;
        MultiLayerNetwork network;
        if (recipe.fromScratch()) {
            steps = recipe.stepsFromScratch(set.size());
            network = NetworkFactory.build(current.metadata().architecture(), set.side(), seed, recipe.learningRate());
        } else {
            steps = (int) Math.max(1, ((long) recipe.passes() * set.size() + batch - 1) / batch);
            network = trainableCopy(current.network(), recipe);
        }
        // The al-curve's anneal for a fresh network; a fine-tune keeps its one small rate.
        int decayEvery = recipe.fromScratch() ? Math.max(1, steps / AlCurveProtocol.EPOCHS) : Integer.MAX_VALUE;
        FixedStepTraining training = new FixedStepTraining(steps, batch, recipe.learningRate(), AlCurveProtocol.DECAY, decayEvery,
                recipe.augmentation(), seed);
        Map<String, INDArray> statistics = recipe.freezeBatchNorm() ? batchNormStatistics(network) : Map.of();
        int total = steps;
        boolean done = training.fit(network, set, step -> {
            if (step % 5 == 0 || step == total) {
                progress.progress(from + (to - from) * step / total, String.format(Locale.ROOT, "Retraining %s: step %d of %d (%,d images)",
                        what, step, total, set.size()));
            }
        }, cancel);
        cancel.throwIfCancelled();
        if (!done) throw new java.util.concurrent.CancellationException("retraining cancelled");
        statistics.forEach((key, value) -> network.setParam(key, value));
        if (recipe.fromScratch() || (recipe.trainableLayers() == 0 && recipe.momentum() == 0)) return network;
        // Frozen layers keep their parameters in the same flat order: put the tuned ones back into a plain copy.
        MultiLayerNetwork plain = current.network().clone();
        plain.setParams(network.params());
        return plain;
    }

    /** A copy of {@code network} to fine-tune: all of it, or with all but the last layers frozen (TransferLearning). */
    static MultiLayerNetwork trainableCopy(MultiLayerNetwork network, RetrainRecipe recipe) {
        int layers = network.getnLayers();
        boolean all = recipe.trainableLayers() == 0 || recipe.trainableLayers() >= layers;
        if (all && recipe.momentum() == 0) return network.clone();
        TransferLearning.Builder builder = new TransferLearning.Builder(network.clone()).fineTuneConfiguration(
                new FineTuneConfiguration.Builder().updater(recipe.momentum() > 0 ? new Nesterovs(recipe.learningRate(), recipe.momentum())
                        : new Adam(recipe.learningRate())).build());
        if (!all) builder.setFeatureExtractor(layers - 1 - recipe.trainableLayers());
        return builder.build();
    }

    /** Batch-norm running means and variances by parameter key ("2_mean"), copied. */
    static Map<String, INDArray> batchNormStatistics(MultiLayerNetwork network) {
        Map<String, INDArray> saved = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> p : network.paramTable().entrySet()) {
            String key = p.getKey();
            int layer = Integer.parseInt(key.substring(0, key.indexOf('_')));
            Layer l = network.getLayer(layer);
            boolean batchNorm = l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization;
            String name = key.substring(key.indexOf('_') + 1);
            if (batchNorm && (name.equals("mean") || name.equals("var") || name.equals("log10stdev"))) saved.put(key, p.getValue().dup());
        }
        return saved;
    }

    private static ModelMetadata candidateMetadata(LoadedModel current, ReviewContract contract, Set<Integer> answered, Digits set,
                                                   MultiLayerNetwork network, RetrainRecipe recipe, double seconds) {
        ModelMetadata m = current.metadata();
        TrainingSettings t = m.training();
        digitloop.model.TrainedOn trainedOn = contract.trainedOn().plusHuman(answered);
        int human = trainedOn.humanIds().size();
        TrainingSettings settings = new TrainingSettings(recipe.passes(), recipe.batchSize(), recipe.learningRate(), 1, 0,
                t == null ? 0 : t.validationFraction(), recipe.describe(), set.size(), contract.gate().size(), human, seconds,
                t == null ? null : t.validationSplitSeed());
        String base = m.name().replaceAll("\\+\\d+labels$", "");
        ModelMetadata named = m.withName(base + "+" + human + "labels").withTraining(settings)
                .withTrainedOn(trainedOn);
        if (!recipe.fromScratch()) {
            // 2,000 gate images resolve a 99.9 %-precision threshold to two errors: a fine-tune this gentle keeps the
            // thresholds measured on the 6,000 validation images of its parent.
            return named;
        }
        Thresholds.Measured measured = Thresholds.measure(network, named, contract.gate());
        return named.withThresholds(measured.trusted(), measured.energy());
    }

    private static int[] predictions(Classifier c, Digits d, ProgressSink p, double from, double to, String what, CancellationToken cancel) {
        return score(c, d, p, from, to, what, cancel).predictions();
    }

    /** Scores in chunks so the progress bar moves through a 10,000-image evaluation. */
    private static Scores score(Classifier c, Digits d, ProgressSink p, double from, double to, String what, CancellationToken cancel) {
        int chunk = 1000;
        float[][] probabilities = new float[d.size()][];
        float[] energy = new float[d.size()];
        for (int start = 0; start < d.size(); start += chunk) {
            cancel.throwIfCancelled();
            p.progress(from + (to - from) * start / Math.max(1, d.size()), String.format(Locale.ROOT, "%s: %,d of %,d", what, start, d.size()));
            int n = Math.min(chunk, d.size() - start);
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) idx[k] = start + k;
            Scores s = c.score(d.subset(idx), cancel);
            System.arraycopy(s.probabilities(), 0, probabilities, start, n);
            System.arraycopy(s.energy(), 0, energy, start, n);
        }
        return new Scores(probabilities, energy);
    }

    static double accuracy(int[] predicted, Digits d) {
        int right = 0;
        for (int i = 0; i < d.size(); i++) if (predicted[i] == d.label(i)) right++;
        return d.size() == 0 ? 0 : (double) right / d.size();
    }

    /** Seconds per phase. */
    private static final class Clock {
        private final Map<String, Double> seconds;
        private long last = System.nanoTime();

        Clock(Map<String, Double> seconds) {
            this.seconds = seconds;
        }

        void lap(String phase) {
            long now = System.nanoTime();
            seconds.merge(phase, (now - last) / 1e9, Double::sum);
            last = now;
        }
    }
}
