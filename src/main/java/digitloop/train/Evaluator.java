package digitloop.train;

import digitloop.data.Digits;
import digitloop.model.Classifier;
import digitloop.model.EvaluationReport;
import digitloop.model.NetworkFactory;
import digitloop.model.Scores;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import digitloop.task.CancellationToken;

/** Metrics through DL4J's {@link Evaluation}, so the numbers match what DL4J users know. */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationReport evaluate(Classifier classifier, Digits digits) {
        return report(classifier.score(digits), digits.labels());
    }

    /** As above; stops with a {@link java.util.concurrent.CancellationException} once {@code cancelled} says so. */
    public static EvaluationReport evaluate(Classifier classifier, Digits digits, CancellationToken cancelled) {
        return report(classifier.score(digits, cancelled), digits.labels());
    }

    public static EvaluationReport report(Scores scores, int[] labels) {
        int classes = NetworkFactory.CLASSES;
        Evaluation evaluation = new Evaluation(classes);
        if (labels.length > 0) {
            INDArray predicted = Nd4j.create(scores.probabilities());
            evaluation.eval(oneHot(labels, classes), predicted);
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        int[] support = new int[classes];
        int[][] confusion = new int[classes][classes];
        for (int c = 0; c < classes; c++) {
            // DL4J returns NaN-free 0 for classes with no predictions when asked with a default value.
            precision[c] = evaluation.precision(c, 0.0);
            recall[c] = evaluation.recall(c, 0.0);
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            for (int p = 0; p < classes; p++) {
                confusion[c][p] = labels.length == 0 ? 0 : evaluation.getConfusionMatrix().getCount(c, p);
                support[c] += confusion[c][p];
            }
        }
        double accuracy = labels.length == 0 ? 0 : evaluation.accuracy();
        double macroF1 = labels.length == 0 ? 0 : evaluation.f1(EvaluationAveraging.Macro);
        return new EvaluationReport(labels.length, accuracy, macroF1, precision, recall, f1, support, confusion);
    }

    static INDArray oneHot(int[] labels, int classes) {
        float[][] m = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) m[i][labels[i]] = 1f;
        return Nd4j.create(m);
    }
}
