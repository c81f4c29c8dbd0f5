package digitloop.train;

import digitloop.data.Degradation;
import digitloop.data.FolderImages;
import digitloop.model.Classifier;
import digitloop.model.EvaluationReport;
import digitloop.model.Prediction;
import digitloop.model.Scores;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;

/**
 * A model on a labelled folder of a person's own images: the same report as on MNIST's test set (the
 * digit images), plus what "not sure" did on the digits and on the images labelled "not a digit".
 *
 * @param digitScores    scores of {@code images.digits()}, in its order
 * @param nonDigitScores scores of {@code images.nonDigits()}, in its order
 */
public record FolderEvaluation(FolderImages images, Scores digitScores, Scores nonDigitScores, EvaluationReport report,
                               NotSureReport notSure) {

    /** Scores both sets under the model's {@code degradation} (the one it was trained with, or a stronger noise). */
    public static FolderEvaluation of(Classifier classifier, Degradation degradation, FolderImages images,
                                      CancellationToken cancel, ProgressSink progress) {
        int total = Math.max(1, images.size());
        double split = (double) images.digits().size() / total;
        Scores digits = classifier.score(degradation.apply(images.digits()), cancel, progress.part(0, split));
        Scores others = classifier.score(degradation.apply(images.nonDigits()), cancel, progress.part(split, 1));
        int[] labels = images.digits().labels();
        int answered = 0;
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            Prediction p = classifier.decide(digits.probabilities()[i], digits.energy()[i]);
            if (p.answered()) {
                answered++;
                if (p.label() == labels[i]) right++;
            }
        }
        int rejected = 0;
        for (int i = 0; i < others.size(); i++) {
            if (!classifier.decide(others.probabilities()[i], others.energy()[i]).answered()) rejected++;
        }
        return new FolderEvaluation(images, digits, others, Evaluator.report(digits, labels),
                new NotSureReport(labels.length, answered, right, others.size(), rejected));
    }
}
