package digitloop.cli;

import digitloop.data.Degradation;
import digitloop.model.EvaluationReport;
import digitloop.train.NotSureReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shape of {@code evaluate --json}: accuracy, macroF1, perClass and the confusion matrix, and on a
 * folder of own images ({@code --images}) also notSure: the digits answered and right, the non-digits rejected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EvaluationJson(String model, String input, int count, double accuracy, double macroF1,
                      List<PerClass> perClass, int[][] confusion, NotSureJson notSure) {
    record NotSureJson(int digits, int answered, double answeredShare, double accuracyAnswered, int nonDigits,
                       int nonDigitsRejected, double rejectedShare) {
        static NotSureJson of(NotSureReport r) {
            return new NotSureJson(r.digits(), r.answered(), r.answeredShare(), r.accuracyAnswered(), r.nonDigits(),
                    r.nonDigitsRejected(), r.rejectedShare());
        }
    }

    record PerClass(int digit, double precision, double recall, double f1, int support) {
    }

    static EvaluationJson of(Path model, Degradation degradation, EvaluationReport r) {
        return of(model, degradation, r, null);
    }

    static EvaluationJson of(Path model, Degradation degradation, EvaluationReport r, NotSureReport notSure) {
        List<PerClass> classes = new ArrayList<>();
        for (int c = 0; c < r.precision().length; c++) {
            classes.add(new PerClass(c, r.precision()[c], r.recall()[c], r.f1()[c], r.support()[c]));
        }
        return new EvaluationJson(model.toString(), degradation.label(), r.count(), r.accuracy(), r.macroF1(), classes, r.confusion(),
                notSure == null ? null : NotSureJson.of(notSure));
    }
}
