package digitloop.cli;

import digitloop.data.Degradation;
import digitloop.model.EvaluationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JSON shape of {@code evaluate --json}: accuracy, macroF1, perClass and the confusion matrix. */
record EvaluationJson(String model, String input, int count, double accuracy, double macroF1,
                      List<PerClass> perClass, int[][] confusion) {
    record PerClass(int digit, double precision, double recall, double f1, int support) {
    }

    static EvaluationJson of(Path model, Degradation degradation, EvaluationReport r) {
        List<PerClass> classes = new ArrayList<>();
        for (int c = 0; c < r.precision().length; c++) {
            classes.add(new PerClass(c, r.precision()[c], r.recall()[c], r.f1()[c], r.support()[c]));
        }
        return new EvaluationJson(model.toString(), degradation.label(), r.count(), r.accuracy(), r.macroF1(), classes, r.confusion());
    }
}
