package digitloop.ui;

import digitloop.hitl.SmallStart;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.Component;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

/**
 * Starts an active-learning project: a model trained on a small balanced labelled start, so the
 * rest of MNIST's training images is a pool it has never seen. The model is saved, then made current.
 */
final class SmallStartDialog {
    static final int DEFAULT_LABELS = 1000;

    private SmallStartDialog() {
    }

    static void open(Component parent, Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel) {
        JSpinner labels = new JSpinner(new SpinnerNumberModel(DEFAULT_LABELS, 20, 10_000, 100));
        JSpinner seed = new JSpinner(new SpinnerNumberModel(1, 1, 1_000_000, 1));
        labels.setName("smallStartLabels");
        JPanel form = new JPanel(new GridLayout(0, 2, 8, 6));
        form.add(new JLabel("Labelled images to start from (balanced)"));
        form.add(labels);
        form.add(new JLabel("Seed"));
        form.add(seed);
        int choice = JOptionPane.showConfirmDialog(parent, new Object[] {"<html><body style='width: 380px'>A new model of the "
                + "al-curve's CNN is trained on these images only; the other training images become the pool it has never "
                + "seen, and each retrain trains it anew on everything labelled so far.</body></html>", form},
                "New small-start project", JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        if (choice != JOptionPane.OK_OPTION) return;
        start(parent, bench, tasks, useModel, (Integer) labels.getValue(), (Integer) seed.getValue());
    }

    /** Trains and saves the start model on the training lane; the status bar shows its progress and Cancel. */
    static void start(Component parent, Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel, int labels, long seed) {
        String name = String.format(Locale.ROOT, "start%d-seed%d", labels, seed);
        tasks.run(TaskRunner.Lane.TRAINING, "Training a start model on " + labels + " labels", ctx -> {
            LoadedModel m = SmallStart.train(bench.train(), labels, seed, SmallStart.MODEL, ctx::progress, ctx.cancellation());
            Path file = RetrainPanel.freeName(bench.workspace().models(), name);
            ModelFile.save(file, m.network(), m.metadata());
            return new LoadedModel(m.network(), m.metadata(), file);
        }, useModel, e -> {
            if (!(e instanceof CancellationException)) Dialogs.error(parent, "The small-start project could not be started", e);
        });
    }
}
