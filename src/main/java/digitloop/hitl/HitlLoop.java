package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.task.CancellationToken;
import digitloop.train.Evaluator;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The loop with an oracle in place of a person, as the experiments run it: from one trained model,
 * a strategy path and a random path each acquire the same number of labels per iteration and
 * retrain; both are measured on the test set, which neither ever trains on.
 */
public final class HitlLoop {
    public record Settings(int perIteration, int iterations, StrategyKind strategy, QueryOptions options,
                           TrainingConfig retrainConfig, Retrainer.Mode mode, double oracleError, long seed) {
    }

    private HitlLoop() {
    }

    public static HitlReport run(String name, LoadedModel initial, List<digitloop.model.EpochMetrics> initialHistory,
                                 PoolSplit split, Digits test, Settings s, Consumer<HitlIteration> progress, CancellationToken cancel) {
        Set<Integer> testIds = Retrainer.idsOf(test);
        // The test set measures the loop; a test image in the pool could be asked about and trained on.
        for (int i = 0; i < split.pool().size(); i++) {
            if (testIds.contains(split.pool().id(i))) {
                throw new IllegalArgumentException("the pool holds test sample " + split.pool().id(i)
                        + "; split the training images only, the test set is never reviewed");
            }
        }
        double start = Evaluator.evaluate(initial.classifier(), test).accuracy();
        HitlReport report = new HitlReport(name, s.strategy().label(), initialHistory, start);
        Path strategyPath = new Path(initial, new Oracle(split.hidden(), s.oracleError(), s.seed()));
        Path randomPath = new Path(initial, new Oracle(split.hidden(), s.oracleError(), s.seed() + 1));
        for (int it = 1; it <= s.iterations() && !cancel.isCancelled(); it++) {
            QueryOptions options = s.options().withSeed(s.seed() * 1000 + it);
            strategyPath.acquire(split, s.strategy(), s.perIteration(), options);
            randomPath.acquire(split, StrategyKind.RANDOM, s.perIteration(), options);
            double acc = strategyPath.retrain(split, test, testIds, s, cancel);
            double baseline = randomPath.retrain(split, test, testIds, s, cancel);
            HitlIteration iteration = new HitlIteration(it, strategyPath.answers.size(), strategyPath.corrections, acc, baseline, acc - start);
            report.add(iteration);
            progress.accept(iteration);
        }
        return report;
    }

    /** One sequence of acquisitions and retrains. */
    private static final class Path {
        private LoadedModel model;
        private final Oracle oracle;
        private final Map<Integer, Integer> answers = new LinkedHashMap<>();
        private int corrections;

        Path(LoadedModel model, Oracle oracle) {
            this.model = model;
            this.oracle = oracle;
        }

        void acquire(PoolSplit split, StrategyKind kind, int k, QueryOptions options) {
            Pool pool = split.pool();
            Classifier classifier = model.classifier();
            Pool rest = remaining(pool);
            int[] picked = kind.create().select(classifier, rest, k, options);
            var scores = classifier.score(rest.images().subset(picked));
            for (int i = 0; i < picked.length; i++) {
                int id = rest.id(picked[i]);
                int label = oracle.answer(id);
                answers.put(id, label);
                if (label != scores.argmax(i)) corrections++;
            }
        }

        /** The pool without the samples this path already asked about. */
        private Pool remaining(Pool pool) {
            if (answers.isEmpty()) return pool;
            int[] keep = new int[pool.size() - answers.size()];
            int n = 0;
            for (int i = 0; i < pool.size() && n < keep.length; i++) if (!answers.containsKey(pool.id(i))) keep[n++] = i;
            return new Pool(pool.images().subset(java.util.Arrays.copyOf(keep, n)));
        }

        double retrain(PoolSplit split, Digits test, Set<Integer> testIds, Settings s, CancellationToken cancel) {
            Digits set = Retrainer.trainingSet(split, answers, List.of(), model.metadata().degradation(), testIds);
            TrainingResult result = Retrainer.retrain(model, set, split.validation(), answers.size(), s.mode(), s.retrainConfig(),
                    TrainingListener.NONE, cancel);
            if (result.hasModel()) model = result.model();
            return Evaluator.evaluate(model.classifier(), test).accuracy();
        }
    }
}
