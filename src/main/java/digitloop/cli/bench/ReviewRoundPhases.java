package digitloop.cli.bench;

import digitloop.data.Digits;
import digitloop.hitl.Oracle;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.hitl.ReviewQueue;
import digitloop.hitl.ReviewRound;
import digitloop.hitl.StrategyKind;
import digitloop.model.LoadedModel;
import digitloop.task.CancellationToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One review round of the default CNN, as the Review tab runs it (`experiment review-round` headless):
 * 50 margin labels from its pool answered by an oracle, the app's fine-tune, the gate. The seconds of each
 * phase go into the bench beside the engine's throughputs; the round's own targets are the review issue's.
 */
final class ReviewRoundPhases {
    /** Seconds per phase, in order; "Retrain to the result" leaves out the current model's test-set measurement, which the app reuses. */
    static Map<String, Double> measure(LoadedModel cnn, Digits rawTrain, Digits rawTest) {
        Digits train = cnn.metadata().degradation().apply(rawTrain);
        Digits test = cnn.metadata().degradation().apply(rawTest);
        ReviewContract contract = ReviewContract.of(cnn.metadata(), train);
        long t0 = System.nanoTime();
        ReviewQueue queue = ReviewQueue.build(cnn.classifier(), contract.pool(), StrategyKind.MARGIN, 50, QueryOptions.DEFAULT, java.util.Set.of());
        double scoring = (System.nanoTime() - t0) / 1e9;
        Oracle oracle = new Oracle(contract.hidden(), 0, 1);
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        for (ReviewQueue.Item item : queue.items()) answers.put(item.sampleId(), oracle.answer(item.sampleId()));
        ReviewRound.Candidate c = ReviewRound.retrain(cnn, contract, answers, List.of(), 0, test, null, RetrainRecipe.FINE_TUNE, 1,
                (f, m) -> { }, CancellationToken.none());
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("score the pool of " + String.format(java.util.Locale.ROOT, "%,d", contract.pool().size()), scoring);
        phases.putAll(c.seconds());
        double toResult = c.seconds().values().stream().mapToDouble(Double::doubleValue).sum()
                - c.seconds().getOrDefault("measure the current model on the test set", 0.0);
        phases.put("Retrain to the result, the app's case", toResult);
        phases.put("Retrain to the next queue (result + scoring the pool)", toResult + scoring);
        return phases;
    }
}
