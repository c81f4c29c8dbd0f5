package digitloop.model;

import java.util.Locale;

/**
 * Metrics of a model on a labelled set: accuracy, per-class precision/recall/F1, macro-F1 and the
 * confusion matrix ({@code confusion[actual][predicted]}).
 */
public record EvaluationReport(int count, double accuracy, double macroF1,
                               double[] precision, double[] recall, double[] f1, int[] support,
                               int[][] confusion) {

    /** The per-class table and confusion matrix as plain text, for the terminal. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  (%d samples)%n%n", accuracy, macroF1, count));
        s.append("class  precision  recall  f1      support\n");
        for (int c = 0; c < precision.length; c++) {
            s.append(String.format(Locale.ROOT, "%5d  %9.4f  %6.4f  %6.4f  %7d%n", c, precision[c], recall[c], f1[c], support[c]));
        }
        s.append("\nconfusion (rows: actual, columns: predicted)\n      ");
        for (int c = 0; c < confusion.length; c++) s.append(String.format(Locale.ROOT, "%6d", c));
        s.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            s.append(String.format(Locale.ROOT, "%6d", r));
            for (int c = 0; c < confusion.length; c++) s.append(String.format(Locale.ROOT, "%6d", confusion[r][c]));
            s.append('\n');
        }
        return s.toString();
    }
}
