package digitloop.train;

import digitloop.task.CancellationToken;
import digitloop.data.Digits;
import digitloop.data.LabelFixes;
import digitloop.data.Splits;
import digitloop.model.Classifier;
import digitloop.model.EvaluationReport;
import digitloop.model.LoadedModel;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainedOn;

/**
 * The whole run the CLI and the Train tab share: degrade, split train/validation, train, then
 * measure on the test set (which training never sees) and attach the report to the model.
 */
public final class TrainingPipeline {
    private TrainingPipeline() {
    }

    public record Outcome(TrainingResult result, LoadedModel model, EvaluationReport test) {
    }

    public static Outcome run(TrainingRequest request, Digits rawTrain, Digits rawTest,
                              TrainingListener listener, CancellationToken cancel) {
        return run(request, null, rawTrain, rawTest, listener, cancel);
    }

    /**
     * As {@link #run(TrainingRequest, Digits, Digits, TrainingListener, CancellationToken)}, but continues
     * training {@code start} (its architecture and degradation win over the request's) when it is not null.
     */
    public static Outcome run(TrainingRequest request, LoadedModel start, Digits rawTrain, Digits rawTest,
                              TrainingListener listener, CancellationToken cancel) {
        return run(request, start, rawTrain, null, 0, rawTest, LabelFixes.NONE, listener, cancel);
    }

    /**
     * As above, training and validating on {@code fixes}' corrected labels, without its left-out images.
     * They are applied after the split, so a model's recorded split ({@link TrainedOn}) still names the
     * images it could have seen, and its review pool stays the same with or without fixes.
     */
    public static Outcome run(TrainingRequest request, LoadedModel start, Digits rawTrain, Digits rawTest, LabelFixes fixes,
                              TrainingListener listener, CancellationToken cancel) {
        return run(request, start, rawTrain, null, 0, rawTest, fixes, listener, cancel);
    }

    /**
     * As above, with a person's own labelled images ({@code ownRaw}, 28x28, not yet degraded) mixed into the
     * training part at {@code ownShare} ({@link OwnImageMix}); null or empty trains on MNIST alone.
     */
    public static Outcome run(TrainingRequest request, LoadedModel start, Digits rawTrain, Digits ownRaw, double ownShare,
                              Digits rawTest, TrainingListener listener, CancellationToken cancel) {
        return run(request, start, rawTrain, ownRaw, ownShare, rawTest, LabelFixes.NONE, listener, cancel);
    }

    /** Own images mixed in and label fixes applied, as the two overloads above describe. */
    public static Outcome run(TrainingRequest request, LoadedModel start, Digits rawTrain, Digits ownRaw, double ownShare,
                              Digits rawTest, LabelFixes fixes, TrainingListener listener, CancellationToken cancel) {
        return run(request, start, rawTrain, ownRaw, ownShare, rawTest, fixes, null, 0, listener, cancel);
    }

    /**
     * As above; with a {@code transfer} strategy, {@code start} is the source of a transfer to the request's
     * own input (its degradation: noisy, 14×14) rather than continued as it is ({@link Trainer#transfer}).
     *
     * @param freeze with a strategy: freeze only the first this many layers (0: the strategy's choice)
     */
    public static Outcome run(TrainingRequest request, LoadedModel start, Digits rawTrain, Digits ownRaw, double ownShare,
                              Digits rawTest, LabelFixes fixes, TransferStrategy transfer, int freeze, TrainingListener listener,
                              CancellationToken cancel) {
        if (transfer != null && start == null) throw new IllegalArgumentException("a transfer strategy needs a model to start from (--from)");
        if (start != null && transfer != null) {
            request = new TrainingRequest(request.name(), start.metadata().architecture(), request.degradation(),
                    request.config(), request.trainLimit());
        } else if (start != null) {
            request = new TrainingRequest(request.name(), start.metadata().architecture(), start.metadata().degradation(),
                    request.config(), request.trainLimit());
        }
        Digits source = request.trainLimit() > 0 ? rawTrain.head(request.trainLimit()) : rawTrain;
        Digits degraded = request.degradation().apply(source);
        long splitSeed = splitSeed(request, start);
        Digits[] parts = Splits.trainValidation(degraded, request.config().validationFraction(), splitSeed);
        parts[0] = fixes.apply(parts[0]);
        parts[1] = fixes.apply(parts[1]);
        Digits training = ownRaw == null || ownRaw.size() == 0 ? parts[0]
                : new OwnImageMix(request.degradation().apply(ownRaw), ownShare).mixInto(parts[0], request.config().seed());
        Trainer trainer = new Trainer(request.config()).named(request.name());
        TrainingResult result = start == null
                ? trainer.train(request.architecture(), request.degradation(), training, parts[1], listener, cancel)
                : transfer != null ? trainer.transfer(start, transfer, freeze, request.degradation(), training, parts[1], listener, cancel)
                : trainer.fineTune(start, training, parts[1], listener, cancel);
        if (!result.hasModel() || result.status() == TrainingResult.Status.CANCELLED) {
            return new Outcome(result, null, null);
        }
        Digits test = request.degradation().apply(rawTest);
        Classifier classifier = result.model().classifier();
        EvaluationReport report = Evaluator.evaluate(classifier, test);
        ModelMetadata trained = result.model().metadata();
        ModelMetadata recorded = trained.training() == null ? trained
                : trained.withTraining(trained.training().withSplitSeed(splitSeed));
        TrainedOn trainedOn = TrainedOn.holdout(source.size(), request.config().validationFraction(), splitSeed);
        TrainedOn started = start == null ? null : start.metadata().trainedOnOrInferred();
        if (started != null) trainedOn = trainedOn.plusHuman(started.humanIds());
        LoadedModel model = new LoadedModel(result.model().network(), recorded.withTest(report).withTrainedOn(trainedOn), null);
        return new Outcome(result, model, report);
    }

    /**
     * A continued model keeps the validation split it was first trained with: a new split would
     * validate, and set the trusted threshold, on images the model has already trained on.
     */
    static long splitSeed(TrainingRequest request, LoadedModel start) {
        if (start != null && start.metadata().training() != null
                && start.metadata().training().validationFraction() == request.config().validationFraction()) {
            return start.metadata().training().validationSplitSeed();
        }
        return request.config().seed();
    }
}
