package digitloop.ui;

import digitloop.train.TrainingProgress;
import digitloop.task.UserMessages;
import digitloop.model.EpochMetrics;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.train.IterationEvent;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingPipeline;
import digitloop.train.TransferStrategy;
import digitloop.train.TrainingRequest;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Train a model and watch it learn: accuracy and loss charts that grow while training runs. */
final class TrainPanel extends JPanel {
    /** Iteration events reach the EDT at most this often; the points in between come in one batch. */
    static final long CHART_INTERVAL_NANOS = 100_000_000L;

    private final Workbench bench;
    private final TaskRunner tasks;
    private final Consumer<LoadedModel> useModel;
    private final TrainSettingsForm form;
    private final JButton start = new JButton("Start training");
    private final JButton cancel = new JButton("Cancel");
    private final JButton save = new JButton("Save model…");
    private final JButton use = new JButton("Use this model");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final JFreeChart accuracyChart = Charts.line("Accuracy per epoch", "epoch", "accuracy", accuracy, true);
    private final JFreeChart lossChart = Charts.lossChart("Loss", "epoch (batches in between)", "cross-entropy", loss);
    private final DefaultListModel<TrainingRun> runs = new DefaultListModel<>();
    private final JList<TrainingRun> history = new JList<>(runs);
    private TaskRunner.RunningTask running;
    private int counter;

    TrainPanel(Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel) {
        this(bench, tasks, useModel, new TrainSettingsForm());
    }

    /** With a settings form built beforehand (the main window builds it in several EDT turns). */
    TrainPanel(Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel, TrainSettingsForm form) {
        super(new BorderLayout(12, 12));
        this.form = form;
        // The series hold fractions (0-1, as EpochMetrics does); the axis shows them as percentages.
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        percent.setMaximumFractionDigits(1);
        ((NumberAxis) accuracyChart.getXYPlot().getRangeAxis()).setNumberFormatOverride(percent);
        this.bench = bench;
        this.tasks = tasks;
        this.useModel = useModel;
        setName("trainPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        start.setName("trainStart");
        cancel.setName("trainCancel");
        save.setName("trainSave");
        use.setName("trainUse");
        progress.setName("trainProgress");
        history.setName("trainHistory");
        start.putClientProperty("JButton.buttonType", "default");
        progress.setStringPainted(true);
        progress.setString("Set up a model and press Start (Ctrl+Enter)");
        cancel.setEnabled(false);
        start.addActionListener(e -> startTraining());
        cancel.addActionListener(e -> {
            if (running != null) running.cancel();
        });
        save.addActionListener(e -> save());
        use.addActionListener(e -> {
            TrainingRun run = history.getSelectedValue();
            if (run != null && run.hasModel()) useModel.accept(run.outcome.model());
        });
        history.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) selectionChanged();
        });
        selectionChanged();
        form.preview.addActionListener(e -> previewAugmentation());

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        buttons.add(start);
        buttons.add(javax.swing.Box.createHorizontalStrut(8));
        buttons.add(cancel);
        useReviews.setName("trainUseReviews");
        useReviews.setToolTipText("<html>Labels you corrected in Review ▸ Suspicious labels replace MNIST's own,<br>"
                + "and the images you marked \"not a clear digit\" are left out of training and validation.</html>");
        startFrom.setName("trainStartFrom");
        startFrom.setToolTipText("<html>Continue the current model on these settings, or transfer it to this input (noise, 14×14):<br>"
                + "all layers tuned, a new head on frozen features, or the head first and then all (docs/transfer.md).<br>"
                + "A continued or transferred run keeps the current model's layers; the form's model fields are not used.</html>");
        JPanel fromRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        fromRow.add(new JLabel("Start from"));
        fromRow.add(startFrom);
        JPanel options = new JPanel(new GridLayout(2, 1, 0, 4));
        options.add(fromRow);
        options.add(useReviews);
        JPanel run = new JPanel(new BorderLayout(0, 8));
        run.add(options, BorderLayout.CENTER);
        run.add(buttons, BorderLayout.NORTH);
        run.add(progress, BorderLayout.SOUTH);
        JPanel top = new JPanel(new BorderLayout(0, 12));
        top.add(form, BorderLayout.NORTH);
        top.add(run, BorderLayout.SOUTH);

        JButton export = new JButton("Export charts…");
        export.addActionListener(e -> exportCharts());
        JPanel runButtons = new JPanel(new GridLayout(1, 3, 6, 0));
        runButtons.add(use);
        runButtons.add(save);
        runButtons.add(export);
        JPanel runsPanel = new JPanel(new BorderLayout(0, 6));
        runsPanel.add(new JLabel("Runs (Ctrl+click several to overlay their curves)"), BorderLayout.NORTH);
        runsPanel.add(new JScrollPane(history), BorderLayout.CENTER);
        runsPanel.add(runButtons, BorderLayout.SOUTH);

        JPanel left = new JPanel(new BorderLayout(0, 14));
        left.add(top, BorderLayout.NORTH);
        left.add(runsPanel, BorderLayout.CENTER);
        left.setPreferredSize(new Dimension(420, 600));

        JPanel charts = new JPanel(new GridLayout(2, 1, 0, 10));
        var accuracyPanel = Charts.panel(accuracyChart);
        var lossPanel = Charts.panel(lossChart);
        charts.add(accuracyPanel);
        charts.add(lossPanel);
        // The window's first paint held a cold EDT for 170-250 ms on this 2-core machine, the two charts most of it:
        // they appear a moment after the rest of the tab has painted, one paint each.
        accuracyPanel.setVisible(false);
        lossPanel.setVisible(false);
        showLater(accuracyPanel, 250);
        showLater(lossPanel, 500);
        add(left, BorderLayout.WEST);
        add(charts, BorderLayout.CENTER);
    }

    /** Shows training images as the chosen augmentation changes them, drawn on a worker. */
    private void previewAugmentation() {
        digitloop.data.Augmentation chosen = form.augmentation();
        if (chosen.isNone()) {
            Dialogs.info(this, "No augmentation chosen", "Tick Augmentation or Handwriting styles to see what they do to the training images.");
            return;
        }
        form.preview.setEnabled(false);
        tasks.run("Drawing the augmentation preview", ctx -> AugmentationPreview.of(bench.train(), chosen, 1), image -> {
            form.preview.setEnabled(true);
            javax.swing.JLabel picture = new javax.swing.JLabel(new javax.swing.ImageIcon(image));
            picture.setName("augmentationPreview");
            javax.swing.JPanel body = new javax.swing.JPanel(new BorderLayout(0, 8));
            body.add(new JLabel("<html>First column: the training image; then " + AugmentationPreview.VARIANTS + " draws of <b>"
                    + Dialogs.escape(chosen.describe()) + "</b>, as training sees them.</html>"), BorderLayout.NORTH);
            body.add(picture, BorderLayout.CENTER);
            javax.swing.JOptionPane.showMessageDialog(this, body, "Augmentation preview", javax.swing.JOptionPane.PLAIN_MESSAGE);
        }, e -> {
            form.preview.setEnabled(true);
            Dialogs.error(this, "The preview could not be drawn", e);
        });
    }

    private final javax.swing.JCheckBox useReviews = new javax.swing.JCheckBox("Use my reviewed labels (corrected; unclear left out)", true);

    /** What a run starts from: a fresh network, or the current model continued or transferred by a strategy (`train --from`). */
    enum StartFrom {
        FRESH("a fresh network", null), CONTINUE("the current model, continued", null),
        FULL("current model, transfer: all layers", TransferStrategy.FULL), HEAD("current model, transfer: new head", TransferStrategy.HEAD),
        GRADUAL("current model, transfer: head, then all", TransferStrategy.GRADUAL);

        final String text;
        final TransferStrategy strategy;

        StartFrom(String text, TransferStrategy strategy) {
            this.text = text;
            this.strategy = strategy;
        }

        @Override public String toString() { return text; }
    }

    final javax.swing.JComboBox<StartFrom> startFrom = new javax.swing.JComboBox<>(StartFrom.values());

    /** Starts a run with the form's settings (the Start button, or Ctrl+Enter). */
    void startTraining() {
        if (running != null) return;
        TrainingRequest request;
        try {
            request = form.request("run-" + (counter + 1));
        } catch (IllegalArgumentException e) {
            Dialogs.error(this, "These settings cannot be trained", e);
            return;
        }
        counter++;
        StartFrom from = (StartFrom) startFrom.getSelectedItem();
        LoadedModel source = from == StartFrom.FRESH ? null : bench.model();
        if (from != StartFrom.FRESH && source == null) {
            Dialogs.info(this, "No current model", "There is no current model to start from: choose \"a fresh network\", or open a model first.");
            return;
        }
        TransferStrategy strategy = from.strategy;
        String origin = source == null ? "" : " · from " + source.metadata().name() + (strategy == null ? "" : " (" + strategy.name().toLowerCase(Locale.ROOT) + ")");
        TrainingRun run = new TrainingRun(request.name(), form.describe() + origin);
        runs.addElement(run);
        history.setSelectedIndex(runs.size() - 1);
        start.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        progress.setString("preparing the data…");
        int epochs = request.config().epochs();
        digitloop.data.LabelFixes fixes = useReviews.isSelected() ? bench.journal().labelFixes(true) : digitloop.data.LabelFixes.NONE;
        running = tasks.run(TaskRunner.Lane.TRAINING, "Training " + request.name() + " (" + request.architecture().describe() + ")",
                ctx -> TrainingPipeline.run(request, source, bench.train(), null, 0, bench.test(), fixes, strategy, 0, new TrainingListener() {
                    private final List<double[]> points = new ArrayList<>();
                    private long lastPost;

                    @Override
                    public void onIteration(IterationEvent e) {
                        points.add(new double[] {e.epoch() - 1 + (double) e.batch() / e.batchesPerEpoch(), e.loss()});
                        long now = System.nanoTime();
                        boolean epochEnd = e.batch() == e.batchesPerEpoch();
                        if (now - lastPost < CHART_INTERVAL_NANOS && !epochEnd) return;
                        lastPost = now;
                        List<double[]> batch = new ArrayList<>(points);
                        points.clear();
                        double total = TrainingProgress.fraction(e, epochs);
                        String text = String.format(Locale.ROOT, "epoch %d/%d · batch %d/%d · %s left", e.epoch(), epochs, e.batch(),
                                e.batchesPerEpoch(), TrainingProgress.duration(e.secondsRemaining()));
                        ctx.progress(total, "Training " + request.name() + ": " + text);
                        SwingUtilities.invokeLater(() -> {
                            addAll(run.iterationLoss, batch);
                            progress.setValue((int) (total * 1000));
                            progress.setString(epochEnd && e.epoch() == epochs ? "measuring on the test set…" : text);
                        });
                    }

                    @Override
                    public void onEpoch(EpochMetrics m, int totalEpochs) {
                        SwingUtilities.invokeLater(() -> run.addEpoch(m));
                    }
                }, ctx.cancellation()), outcome -> finished(run, outcome), e -> {
                    run.failed = true;
                    progress.setString("failed: " + UserMessages.of(e));
                    // After the finished step: the controls are usable again while the dialog is open.
                    SwingUtilities.invokeLater(() -> Dialogs.error(this, "Training failed", e));
                }, this::controlsIdle);
    }

    private static void showLater(java.awt.Component c, int millis) {
        javax.swing.Timer t = new javax.swing.Timer(millis, e -> c.setVisible(true));
        t.setRepeats(false);
        t.start();
    }

    private static void addAll(XYSeries series, List<double[]> points) {
        for (int i = 0; i < points.size(); i++) series.add(points.get(i)[0], points.get(i)[1], i == points.size() - 1);
    }

    private void finished(TrainingRun run, TrainingPipeline.Outcome outcome) {
        run.outcome = outcome;
        history.repaint();
        String status = outcome.model() == null ? outcome.result().message()
                : String.format(Locale.ROOT, "%s · test accuracy %.2f %%", outcome.result().message(), outcome.test().accuracy() * 100);
        progress.setString(status);
        selectionChanged();
    }

    /** Whichever way a run ended (done, failed, cancelled, an Error): Start is usable again. */
    private void controlsIdle() {
        running = null;
        start.setEnabled(true);
        cancel.setEnabled(false);
    }

    /** Kept for the review loop's retrain round; see {@link TrainingProgress#duration}. */
    static String eta(double seconds) {
        return TrainingProgress.duration(seconds);
    }

    /** Shows the selected runs' curves together, and enables what the selection allows. */
    private void selectionChanged() {
        accuracy.removeAllSeries();
        loss.removeAllSeries();
        for (TrainingRun r : history.getSelectedValuesList()) {
            accuracy.addSeries(r.trainAccuracy);
            accuracy.addSeries(r.validationAccuracy);
            loss.addSeries(r.iterationLoss);
            loss.addSeries(r.trainLoss);
            loss.addSeries(r.validationLoss);
        }
        TrainingRun one = history.getSelectedValuesList().size() == 1 ? history.getSelectedValue() : null;
        save.setEnabled(one != null && one.hasModel());
        use.setEnabled(one != null && one.hasModel());
    }

    private void save() {
        TrainingRun run = history.getSelectedValue();
        if (run == null || !run.hasModel()) return;
        Path models = bench.workspace().models();
        JFileChooser chooser = new JFileChooser(models.toFile());
        chooser.setSelectedFile(new File(models.toFile(), run.name + ".zip"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        LoadedModel model = run.outcome.model();
        tasks.run("Saving " + file, ctx -> {
            ModelFile.save(file, model.network(), model.metadata());
            return file;
        }, f -> {
            run.savedTo = f;
            progress.setString("saved as " + f);
        }, e -> Dialogs.error(this, "Could not save the model", e));
    }

    /** Runs whose models exist only in memory. */
    List<TrainingRun> unsavedRuns() {
        List<TrainingRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).unsaved()) out.add(runs.get(i));
        return out;
    }

    /** Writes both charts as PNG files (name.png and name-loss.png). */
    void exportCharts() {
        JFileChooser chooser = new JFileChooser(new File("."));
        chooser.setSelectedFile(new File("accuracy.png"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        exportCharts(chooser.getSelectedFile());
    }

    /** Draws both charts on the EDT, then encodes and writes them on a worker. */
    void exportCharts(File accuracyFile) {
        String base = accuracyFile.getName().replaceFirst("(?i)\\.png$", "");
        File folder = accuracyFile.getAbsoluteFile().getParentFile();
        var accuracyImage = Charts.render(accuracyChart, 900, 500);
        var lossImage = Charts.render(lossChart, 900, 500);
        tasks.run("Exporting the charts", ctx -> {
            Charts.writePng(accuracyImage, new File(folder, base + ".png"));
            Charts.writePng(lossImage, new File(folder, base + "-loss.png"));
            return null;
        }, ok -> progress.setString("charts saved as " + base + ".png and " + base + "-loss.png"),
                e -> Dialogs.error(this, "Could not write the PNG", e));
    }

    int accuracyPoints() {
        return accuracy.getSeriesCount() == 0 ? 0 : accuracy.getSeries(0).getItemCount();
    }

    int lossPoints() {
        return loss.getSeriesCount() == 0 ? 0 : loss.getSeries(0).getItemCount();
    }

    boolean isTraining() { return running != null; }

    TrainSettingsForm form() { return form; }
}
