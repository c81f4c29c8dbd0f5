package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the out-of-sample probabilities come from for each split, then confident learning over them:
 * the training set by k-fold cross-validation, the test set by a model that never trained on it.
 */
public final class LabelIssueSearch {
    private LabelIssueSearch() {
    }

    /** What a search found, with the probabilities it ranked (the queue shows them) and how long it took. */
    public record Outcome(Digits ranked, float[][] probabilities, ConfidentLearning.Result result, double seconds) {
    }

    /** The training images ranked from out-of-fold probabilities; {@code cache} (may be null) keeps each fold for a resumed run. */
    public static Outcome training(Digits train, CrossValidation cv, LabelQuality quality, Path cache, ProgressSink progress,
                                   CancellationToken cancel) throws IOException {
        long started = System.nanoTime();
        float[][] p = cv.probabilities(train, cache, progress, cancel);
        return new Outcome(train, p, ConfidentLearning.find(p, train.labels(), train.ids(), quality), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The test images ranked by {@code model}'s probabilities. The model must not have trained on
     * them; MNIST's own models never do (the test set stays apart), so only the caller's choice of
     * model can break this.
     */
    public static Outcome test(Digits test, LoadedModel model, LabelQuality quality, ProgressSink progress, CancellationToken cancel) {
        long started = System.nanoTime();
        Digits input = model.metadata().degradation().apply(test);
        float[][] p = model.classifier().score(input, cancel, progress).probabilities();
        return new Outcome(test, p, ConfidentLearning.find(p, test.labels(), test.ids(), quality), (System.nanoTime() - started) / 1e9);
    }
}
