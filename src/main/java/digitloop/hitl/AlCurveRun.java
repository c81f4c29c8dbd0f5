package digitloop.hitl;

import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.task.CancellationToken;
import digitloop.train.Evaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One (strategy, seed) curve of the {@link AlCurveProtocol}: train from scratch on the labels so
 * far, measure on the test set, acquire the next batch from the oracle, repeat. Every round is a
 * row of its {@link AlCurveLog} before the next begins; a run that finds rows replays their
 * acquisitions (the oracle is seeded, so it answers the same) and carries on after the last.
 */
public final class AlCurveRun {
    private final AlCurveProtocol protocol;
    private final StrategyKind strategy;
    private final long seed;
    private final double oracleError;

    public AlCurveRun(AlCurveProtocol protocol, StrategyKind strategy, long seed, double oracleError) {
        this.protocol = protocol;
        this.strategy = strategy;
        this.seed = seed;
        this.oracleError = oracleError;
    }

    public long seedValue() { return seed; }

    /** What the log's first line says, so a log is resumed only by the same run. */
    public String header() {
        return String.format(Locale.ROOT, "al-curve strategy=%s seed=%d oracle_error=%s %s", strategy.name().toLowerCase(Locale.ROOT),
                seed, oracleError, protocol.key());
    }

    /** File name for this run: {@code <strategy>[-oracle<N>pct]-seed<seed>.csv}. */
    public String fileName() {
        String noise = oracleError > 0 ? String.format(Locale.ROOT, "-oracle%.0fpct", oracleError * 100) : "";
        return strategy.name().toLowerCase(Locale.ROOT) + noise + "-seed" + seed + ".csv";
    }

    /**
     * Runs (or resumes) the curve up to the protocol's maximum, appending to {@code csv}.
     * {@code train} must be training images only; {@code test} is only ever evaluated on.
     *
     * @return every round in the log, the replayed ones included
     */
    public List<AlCurveLog.Round> run(Digits train, Digits test, Path csv, Consumer<AlCurveLog.Round> progress,
                                      CancellationToken cancel) throws IOException {
        AlCurveLog log = AlCurveLog.open(csv, header());
        PoolSplit split = PoolSplit.balanced(train, protocol.initialLabels(), protocol.validation(), seed);
        Digits testSet = protocol.testSize() > 0 && protocol.testSize() < test.size() ? test.head(protocol.testSize()) : test;
        Set<Integer> testIds = Retrainer.idsOf(test);
        Oracle oracle = new Oracle(split.hidden(), oracleError, seed);
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        List<AlCurveLog.Round> done = log.rounds();
        int labels = protocol.initialLabels();
        for (AlCurveLog.Round round : done) {
            if (round.labels() != labels) {
                throw new IOException(csv + ": expected a round at " + labels + " labels, found " + round.labels()
                        + "; the log is not from one run. Move it away to start afresh.");
            }
            for (int id : round.acquiredNext()) answers.put(id, oracle.answer(id));
            labels = protocol.initialLabels() + answers.size();
        }
        boolean finished = !done.isEmpty() && (done.get(done.size() - 1).labels() >= protocol.maxLabels()
                || done.get(done.size() - 1).acquiredNext().length == 0);
        while (!finished && !cancel.isCancelled()) {
            long start = System.nanoTime();
            LoadedModel model = trainRound(split, answers, testIds, labels, cancel);
            if (model == null) break;
            double accuracy = Evaluator.evaluate(model.classifier(), testSet).accuracy();
            // Acquire after the last round too: a later run with a higher maximum then carries straight on.
            int[] acquired = acquire(model, split, answers, labels, oracle);
            // Each round's network is thrown away; its native memory would otherwise wait for a GC
            // that a roomy heap rarely runs (one run reached 9.6 GB resident by 740 labels).
            model.network().close();
            AlCurveLog.Round round = new AlCurveLog.Round(labels, accuracy, (System.nanoTime() - start) / 1e9, acquired);
            log.append(round);
            progress.accept(round);
            labels = protocol.initialLabels() + answers.size();
            finished = acquired.length == 0 || round.labels() >= protocol.maxLabels();
        }
        return log.rounds();
    }

    /** A fresh network trained on the start set and the answers; null when cancelled. */
    LoadedModel trainRound(PoolSplit split, Map<Integer, Integer> answers, Set<Integer> testIds, int labels, CancellationToken cancel) {
        Digits set = Retrainer.trainingSet(split, answers, List.of(), Degradation.NONE, testIds);
        int steps = protocol.stepsFor(set.size());
        int decayEvery = Math.max(1, steps / AlCurveProtocol.EPOCHS);
        return new FixedStepTraining(steps, protocol.batchSize(), protocol.learningRate(), AlCurveProtocol.DECAY,
                decayEvery, protocol.augmentation(), seed * 7919L + labels).train(protocol.model(), set, answers.size(), cancel);
    }

    private int[] acquire(LoadedModel model, PoolSplit split, Map<Integer, Integer> answers, int labels, Oracle oracle) {
        Pool remaining = split.withoutAnswered(answers.keySet());
        int k = protocol.perRound();
        QueryOptions options = new QueryOptions(protocol.subsample(), false, protocol.mcPasses(), seed * 100_003L + labels);
        int[] picked = strategy.create().select(model.classifier(), remaining, k, options);
        int[] ids = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            ids[i] = remaining.id(picked[i]);
            answers.put(ids[i], oracle.answer(ids[i]));
        }
        return ids;
    }
}
