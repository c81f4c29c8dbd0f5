package digitloop.ui;

import digitloop.data.Digits;
import digitloop.data.KaggleCsvReader;
import digitloop.data.KaggleLayout;
import digitloop.model.Classifier;
import digitloop.model.EvaluationReport;
import digitloop.model.LoadedModel;
import digitloop.model.Scores;
import digitloop.train.Evaluator;
import java.awt.Component;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * File ▸ Import Kaggle CSV…: the current model evaluated on a labelled Kaggle train.csv. Reading and
 * scoring run on the work lane (the status bar shows them and can cancel); the report arrives in a
 * dialog, leaving the Results tab on the test set or the labelled folder it shows.
 */
final class KaggleImport {
    /** A model's report on one CSV. */
    record Result(Path file, LoadedModel model, EvaluationReport report, double seconds) {
        /** The text {@code evaluate --data-csv} prints, its first line broken in two to fit the dialog. */
        String describe() {
            String name = model.file() == null ? model.metadata().name() + " (not saved)" : model.file().toString();
            return String.format(Locale.ROOT, "%s (%s)%non %d images of %s, input %s, %.1f s%n%n", name,
                    model.metadata().architecture().describe(), report.count(), file, model.metadata().degradation().label(), seconds)
                    + report.format();
        }
    }

    private KaggleImport() {
    }

    /** On the EDT: asks for the file, then evaluates on a worker. */
    static void chooseAndEvaluate(Component parent, Workbench bench, TaskRunner tasks) {
        if (bench == null || !bench.hasModel()) {
            Dialogs.info(parent, "No model", "There is no model to evaluate yet: train one in the Train tab, or open one (Ctrl+O).");
            return;
        }
        JFileChooser chooser = new JFileChooser(Path.of("").toAbsolutePath().toFile());
        chooser.setDialogTitle("Evaluate the current model on a Kaggle train.csv (label,pixel0,…,pixel783)");
        chooser.setFileFilter(new FileNameExtensionFilter("Kaggle CSV (*.csv)", "csv"));
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        tasks.run("Evaluating on " + file.getFileName(), evaluation(file, bench.model(), bench.classifier()),
                result -> show(parent, result), e -> {
                    if (!(e instanceof CancellationException)) Dialogs.error(parent, "Could not evaluate on " + file.getFileName(), e);
                });
    }

    /** The work itself, for the worker: read (the first 40 % of the progress), then score. */
    static BackgroundTask<Result> evaluation(Path file, LoadedModel model, Classifier classifier) {
        return ctx -> {
            long start = System.nanoTime();
            Digits digits = KaggleCsvReader.read(file, KaggleLayout.TRAIN, ctx.part(0, 0.4), ctx.cancellation());
            Digits input = model.metadata().degradation().apply(digits);
            Scores scores = classifier.score(input, ctx.cancellation(), ctx.part(0.4, 1));
            return new Result(file, model, Evaluator.report(scores, input.labels()), (System.nanoTime() - start) / 1e9);
        };
    }

    private static void show(Component parent, Result result) {
        JTextArea text = new JTextArea(result.describe(), 28, 72);
        text.setName("kaggleReport");
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JOptionPane.showMessageDialog(parent, new JScrollPane(text), "Kaggle CSV: " + result.file().getFileName(),
                JOptionPane.INFORMATION_MESSAGE);
    }
}
