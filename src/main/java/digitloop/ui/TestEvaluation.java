package digitloop.ui;

import digitloop.model.EvaluationReport;
import digitloop.model.Scores;

/** A model's scores on the whole test set and their report: measured once per model, then reused. */
record TestEvaluation(Scores scores, EvaluationReport report) {
    int[] predictions() {
        int[] p = new int[scores.size()];
        for (int i = 0; i < p.length; i++) p[i] = scores.argmax(i);
        return p;
    }
}
