package digitloop.ui;

import digitloop.task.TaskContext;
import digitloop.data.Digits;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.Oracle;
import digitloop.hitl.PoolSplit;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.Retrainer;
import digitloop.hitl.StrategyKind;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.train.Evaluator;
import digitloop.train.IterationEvent;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One retrain from the Review tab, on a worker: the current model, then the model retrained on the
 * person's labels, then — as the baseline — the same number of random pool samples with their true
 * labels, all measured on the test set.
 */
final class RetrainRound {
    /** One epoch over the labelled set plus the answers, at a third of the default learning rate, keeps fine-tuning gentle. */
    static final TrainingConfig FINE_TUNE = TrainingConfig.DEFAULT.withEpochs(1).withLearningRate(3e-4, 1.0);
    static final TrainingConfig FROM_SCRATCH = TrainingConfig.DEFAULT.withEpochs(3);

    record Result(LoadedModel model, double before, double after, double randomBaseline) {
    }

    private RetrainRound() {
    }

    static Result run(TaskContext ctx, LoadedModel current, Classifier currentClassifier, PoolSplit split, Digits rawTest,
                      Map<Integer, Integer> answers, List<LabelEvent> drawings, Retrainer.Mode mode,
                      int round) {
        TrainingConfig config = mode == Retrainer.Mode.FINE_TUNE ? FINE_TUNE : FROM_SCRATCH;
        Digits test = current.metadata().degradation().apply(rawTest);
        Set<Integer> testIds = Retrainer.idsOf(test);
        ctx.progress(0.02, "Measuring the current model on the test set…");
        double before = Evaluator.evaluate(currentClassifier, test, ctx.cancellation()).accuracy();
        Digits mine = Retrainer.trainingSet(split, answers, drawings, current.metadata().degradation(), testIds);
        TrainingResult result = Retrainer.retrain(current, mine, split.validation(), answers.size() + drawings.size(), mode, config,
                progress(ctx, 0.1, 0.5, "with your labels", config.epochs()), ctx.cancellation());
        ctx.cancellation().throwIfCancelled();
        if (!result.hasModel()) throw new IllegalStateException("Retraining stopped: " + result.message());
        ctx.progress(0.5, "Measuring the retrained model…");
        double after = Evaluator.evaluate(result.model().classifier(), test, ctx.cancellation()).accuracy();

        Oracle oracle = new Oracle(split.hidden(), 0, round);
        Map<Integer, Integer> random = new LinkedHashMap<>();
        for (int index : StrategyKind.RANDOM.create().select(currentClassifier, split.pool(), Math.max(1, answers.size()),
                QueryOptions.DEFAULT.withSeed(round))) {
            random.put(split.pool().id(index), oracle.answer(split.pool().id(index)));
        }
        TrainingResult baseline = Retrainer.retrain(current, Retrainer.trainingSet(split, random, List.of(),
                current.metadata().degradation(), testIds), split.validation(), random.size(), mode, config,
                progress(ctx, 0.55, 0.95, "with as many random labels (the baseline)", config.epochs()), ctx.cancellation());
        ctx.cancellation().throwIfCancelled();
        if (!baseline.hasModel()) throw new IllegalStateException("The baseline stopped: " + baseline.message());
        ctx.progress(0.95, "Measuring the baseline…");
        double randomAccuracy = Evaluator.evaluate(baseline.model().classifier(), test, ctx.cancellation()).accuracy();
        LoadedModel retrained = new LoadedModel(result.model().network(), result.model().metadata()
                .withName(current.metadata().name() + "+" + answers.size() + "labels"), null);
        return new Result(retrained, before, after, randomAccuracy);
    }

    private static TrainingListener progress(TaskContext ctx, double from, double to, String what, int epochs) {
        return new TrainingListener() {
            @Override
            public void onIteration(IterationEvent e) {
                double f = ((e.epoch() - 1) + (double) e.batch() / e.batchesPerEpoch()) / epochs;
                ctx.progress(from + (to - from) * f, String.format(java.util.Locale.ROOT, "Retraining %s: epoch %d/%d, batch %d/%d, %s left",
                        what, e.epoch(), epochs, e.batch(), e.batchesPerEpoch(), TrainPanel.eta(e.secondsRemaining())));
            }
        };
    }
}
