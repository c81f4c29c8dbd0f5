package digitloop.ui;

import digitloop.model.EpochMetrics;
import digitloop.model.ModelFile;
import digitloop.train.IterationEvent;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingPipeline;
import digitloop.train.TrainingRequest;
import digitloop.train.CancellationToken;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Train a model and watch it learn: accuracy and loss charts that grow while training runs. */
final class TrainPanel extends JPanel {
    /** One finished or running training run, for the history list and the overlays. */
    static final class Run {
        final String name;
        final XYSeries trainAcc;
        final XYSeries valAcc;
        final XYSeries epochLoss;
        TrainingPipeline.Outcome outcome;

        Run(String name) {
            this.name = name;
            trainAcc = new XYSeries(name + " train");
            valAcc = new XYSeries(name + " validation");
            epochLoss = new XYSeries(name + " loss per epoch");
        }

        @Override
        public String toString() {
            return outcome == null ? name + " (running)" : String.format(Locale.ROOT, "%s: test %.2f %%", name,
                    outcome.test() == null ? 0 : outcome.test().accuracy() * 100);
        }
    }

    private final Workbench bench;
    private final TaskRunner tasks;
    private final TrainSettingsForm form = new TrainSettingsForm();
    private final JButton start = new JButton("Start");
    private final JButton cancel = new JButton("Cancel");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final XYSeries iterationLoss = new XYSeries("loss per iteration");
    private final JFreeChart accuracyChart = Charts.line("Accuracy per epoch", "epoch", "accuracy (%)", accuracy, true);
    private final JFreeChart lossChart = Charts.line("Loss", "epoch (iterations as fractions)", "cross-entropy", loss, false);
    private final DefaultListModel<Run> runs = new DefaultListModel<>();
    private final JList<Run> history = new JList<>(runs);
    private CancellationToken running;
    private int counter;

    TrainPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(10, 10));
        this.bench = bench;
        this.tasks = tasks;
        setName("trainPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        start.setName("trainStart");
        cancel.setName("trainCancel");
        progress.setName("trainProgress");
        history.setName("trainHistory");
        progress.setStringPainted(true);
        progress.setString("idle");
        cancel.setEnabled(false);
        start.addActionListener(e -> start());
        cancel.addActionListener(e -> {
            if (running != null) running.cancel();
        });
        loss.addSeries(iterationLoss);
        history.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) overlay();
        });

        JButton save = new JButton("Save model…");
        save.addActionListener(e -> save());
        JButton export = new JButton("Export charts as PNG…");
        export.addActionListener(e -> export());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        buttons.add(start);
        buttons.add(cancel);
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(form, BorderLayout.NORTH);
        JPanel mid = new JPanel(new BorderLayout(0, 6));
        mid.add(buttons, BorderLayout.NORTH);
        mid.add(progress, BorderLayout.SOUTH);
        left.add(mid, BorderLayout.CENTER);
        JPanel runsPanel = new JPanel(new BorderLayout(0, 4));
        runsPanel.add(new JLabel("Runs (select several to overlay)"), BorderLayout.NORTH);
        runsPanel.add(new JScrollPane(history), BorderLayout.CENTER);
        JPanel runButtons = new JPanel(new GridLayout(2, 1, 4, 4));
        runButtons.add(save);
        runButtons.add(export);
        runsPanel.add(runButtons, BorderLayout.SOUTH);
        JPanel top = new JPanel(new BorderLayout(0, 8));
        top.add(form, BorderLayout.NORTH);
        top.add(mid, BorderLayout.SOUTH);
        left.removeAll();
        left.add(top, BorderLayout.NORTH);
        left.add(runsPanel, BorderLayout.CENTER);

        JPanel charts = new JPanel(new GridLayout(2, 1, 0, 8));
        charts.add(Charts.panel(accuracyChart));
        charts.add(Charts.panel(lossChart));
        add(left, BorderLayout.WEST);
        add(charts, BorderLayout.CENTER);
    }

    private void start() {
        TrainingRequest request;
        try {
            request = form.request("run-" + (++counter));
        } catch (IllegalArgumentException e) {
            Dialogs.error(this, "These settings cannot be trained", e);
            return;
        }
        Run run = new Run(request.name());
        runs.addElement(run);
        history.setSelectedIndex(runs.size() - 1);
        iterationLoss.clear();
        start.setEnabled(false);
        cancel.setEnabled(true);
        progress.setString("starting…");
        running = tasks.run("Training " + request.architecture().describe(), ctx -> TrainingPipeline.run(request, bench.train(),
                bench.test(), new TrainingListener() {
                    private long lastPost;

                    @Override
                    public void onIteration(IterationEvent e) {
                        long now = System.nanoTime();
                        if (now - lastPost < 100_000_000L && e.batch() != e.batchesPerEpoch()) return;
                        lastPost = now;
                        double x = e.epoch() - 1 + (double) e.batch() / e.batchesPerEpoch();
                        double total = (double) e.iteration() / (e.batchesPerEpoch() * request.config().epochs());
                        SwingUtilities.invokeLater(() -> {
                            iterationLoss.add(x, e.loss());
                            progress.setValue((int) (total * 1000));
                            progress.setString(String.format(Locale.ROOT, "epoch %d/%d · batch %d/%d · ETA %s", e.epoch(),
                                    request.config().epochs(), e.batch(), e.batchesPerEpoch(), eta(e.secondsRemaining())));
                        });
                    }

                    @Override
                    public void onEpoch(EpochMetrics m, int totalEpochs) {
                        SwingUtilities.invokeLater(() -> {
                            run.trainAcc.add(m.epoch(), m.trainAccuracy() * 100);
                            run.valAcc.add(m.epoch(), m.validationAccuracy() * 100);
                            run.epochLoss.add(m.epoch(), m.trainLoss());
                        });
                    }
                }, ctx.cancellation()), outcome -> finished(run, outcome), e -> {
                    finishedControls("failed");
                    Dialogs.error(this, "Training failed", e);
                });
    }

    private void finished(Run run, TrainingPipeline.Outcome outcome) {
        run.outcome = outcome;
        history.repaint();
        String status = outcome.model() == null ? outcome.result().message()
                : String.format(Locale.ROOT, "%s · test accuracy %.2f %%", outcome.result().message(), outcome.test().accuracy() * 100);
        finishedControls(status);
    }

    private void finishedControls(String status) {
        running = null;
        start.setEnabled(true);
        cancel.setEnabled(false);
        progress.setString(status);
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Shows the selected runs' curves together. */
    private void overlay() {
        accuracy.removeAllSeries();
        while (loss.getSeriesCount() > 1) loss.removeSeries(1);
        List<Run> selected = new ArrayList<>(history.getSelectedValuesList());
        for (Run r : selected) {
            accuracy.addSeries(r.trainAcc);
            accuracy.addSeries(r.valAcc);
            loss.addSeries(r.epochLoss);
        }
    }

    private void save() {
        Run run = history.getSelectedValue();
        if (run == null || run.outcome == null || run.outcome.model() == null) {
            Dialogs.error(this, "Nothing to save", new IllegalStateException("Select a finished run in the list first."));
            return;
        }
        JFileChooser chooser = new JFileChooser(new File("models"));
        chooser.setSelectedFile(new File("models", run.name + ".zip"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        tasks.run("Saving " + file, ctx -> {
            ModelFile.save(file, run.outcome.model().network(), run.outcome.model().metadata());
            return file;
        }, f -> progress.setString("saved " + f), e -> Dialogs.error(this, "Could not save the model", e));
    }

    private void export() {
        JFileChooser chooser = new JFileChooser(new File("."));
        chooser.setSelectedFile(new File("accuracy.png"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        File file = chooser.getSelectedFile();
        try {
            Charts.exportPng(accuracyChart, file, 900, 500);
            Charts.exportPng(lossChart, new File(file.getParentFile(), file.getName().replace(".png", "") + "-loss.png"), 900, 500);
        } catch (java.io.IOException e) {
            Dialogs.error(this, "Could not write the PNG", e);
        }
    }

    int accuracyPoints() {
        return accuracy.getSeriesCount() == 0 ? 0 : accuracy.getSeries(0).getItemCount();
    }

    int lossPoints() { return iterationLoss.getItemCount(); }

    boolean isTraining() { return running != null; }
}
