package digitloop.ui;

import digitloop.model.EvaluationReport;
import digitloop.model.Scores;

/** A model's scores on the whole test set and their report: measured once per model, then reused. */
record TestEvaluation(Scores scores, EvaluationReport report) {
    int[] predictions() {
        return scores.predictions();
    }
}
