package digitloop.ui;

import digitloop.gan.GanConfig;
import digitloop.gan.GanEpoch;
import digitloop.gan.GanFile;
import digitloop.gan.GanListener;
import digitloop.gan.GanMetadata;
import digitloop.gan.GanSpec;
import digitloop.gan.GanTrainer;
import digitloop.gan.GanTrainingResult;
import digitloop.gan.SampleGrid;
import digitloop.train.Trainer;
import digitloop.train.TrainingProgress;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Trains a generator from the Generate tab: settings, Train and Cancel, the fixed-noise sample grid of the last
 * epoch and the generator's and discriminator's loss per epoch, both growing while it runs. The finished generator
 * is saved under a free name in models/ and handed to {@code onTrained}; a cancelled run writes nothing.
 */
final class GanTrainingBox extends JPanel {
    private final Workbench bench;
    private final TaskRunner tasks;
    private final Consumer<GanFile.Loaded> onTrained;
    final JSpinner epochs = new JSpinner(new SpinnerNumberModel(5, 1, 100, 1));
    final JSpinner images = new JSpinner(new SpinnerNumberModel(60_000, 1_000, 60_000, 1_000));
    final JSpinner seed = new JSpinner(new SpinnerNumberModel(1, 0, 1_000_000, 1));
    final JButton train = new JButton("Train a generator");
    final JButton cancel = new JButton("Cancel");
    final DigitGridView samples = new DigitGridView(240, false);
    final JLabel state = new JLabel("An epoch of all 60,000 images took 8 to 18 minutes on 2 shared cores.");
    private final XYSeries generatorLoss = new XYSeries("generator");
    private final XYSeries discriminatorLoss = new XYSeries("discriminator");
    final JFreeChart chart;
    private TaskRunner.RunningTask running;

    GanTrainingBox(Workbench bench, TaskRunner tasks, Consumer<GanFile.Loaded> onTrained) {
        super(new BorderLayout(8, 8));
        this.bench = bench;
        this.tasks = tasks;
        this.onTrained = onTrained;
        setBorder(BorderFactory.createTitledBorder("Train a generator"));
        train.setName("ganTrain");
        cancel.setName("ganCancel");
        samples.setName("ganTrainingSamples");
        cancel.setEnabled(false);
        JPanel settings = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        settings.add(new JLabel("Epochs"));
        settings.add(epochs);
        settings.add(new JLabel("Images"));
        settings.add(images);
        settings.add(new JLabel("Seed"));
        settings.add(seed);
        settings.add(train);
        settings.add(cancel);
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(generatorLoss);
        losses.addSeries(discriminatorLoss);
        chart = Charts.line("Loss per epoch", "epoch", "loss", losses, true);
        ChartPanel chartPanel = Charts.panel(chart);
        chartPanel.setPreferredSize(new Dimension(380, 240));
        JPanel live = new JPanel(new GridLayout(1, 2, 8, 0));
        live.add(samples);
        live.add(chartPanel);
        add(settings, BorderLayout.NORTH);
        add(live, BorderLayout.CENTER);
        add(state, BorderLayout.SOUTH);
        train.addActionListener(e -> start());
        cancel.addActionListener(e -> {
            if (running != null) running.cancel();
        });
    }

    void start() {
        if (running != null) return;
        GanConfig config = new GanConfig((Integer) epochs.getValue(), GanConfig.DEFAULT.batch(), GanConfig.DEFAULT.learningRate(),
                GanConfig.DEFAULT.beta1(), ((Integer) seed.getValue()).longValue(), (Integer) images.getValue());
        GanSpec spec = GanSpec.DEFAULT;
        generatorLoss.clear();
        discriminatorLoss.clear();
        samples.setGrid(null);
        train.setEnabled(false);
        cancel.setEnabled(true);
        state.setText("Starting…");
        running = tasks.run(TaskRunner.Lane.TRAINING, "Training a generator", ctx -> {
            GanTrainingResult result = new GanTrainer(spec, config, null).train(bench.train(), false, new GanListener() {
                @Override
                public void onBatch(int epoch, int total, int batch, int batches, double secondsRemaining) {
                    ctx.progress(((epoch - 1) + (double) batch / batches) / total, String.format(Locale.ROOT,
                            "Training a generator: epoch %d/%d, batch %d/%d, ETA %s", epoch, total, batch, batches,
                            TrainingProgress.duration(secondsRemaining)));
                }

                @Override
                public void onEpoch(GanEpoch e, int total, SampleGrid grid) {
                    SwingUtilities.invokeLater(() -> showEpoch(e, total, grid));
                }
            }, ctx.cancellation());
            if (result.status() != GanTrainingResult.Status.COMPLETED) return result;
            Path file = freeName(bench.workspace().models(), "gan-trained");
            GanMetadata metadata = new GanMetadata(GanMetadata.FORMAT_VERSION, GanMetadata.KIND,
                    file.getFileName().toString().replaceFirst("\\.zip$", ""), spec, config, result.history(), result.seconds(),
                    result.dataMd5(), null, Trainer.versions(), Instant.now().toString());
            GanFile.save(file, result.generator(), metadata);
            onTrainedLater(new GanFile.Loaded(result.generator(), metadata, file));
            return result;
        }, result -> {
            finish();
            state.setText(switch (result.status()) {
                case COMPLETED -> result.message() + " in " + TrainingProgress.duration(result.seconds()) + "; saved in models/ and shown above.";
                case CANCELLED -> "Cancelled (" + result.message() + "); nothing was saved.";
                case DIVERGED -> "Stopped: " + result.message() + "; nothing was saved.";
            });
        }, e -> {
            finish();
            state.setText("Training failed: " + digitloop.task.UserMessages.of(e));
            Dialogs.error(this, "The generator could not be trained", e);
        });
    }

    private void onTrainedLater(GanFile.Loaded loaded) {
        SwingUtilities.invokeLater(() -> onTrained.accept(loaded));
    }

    private void finish() {
        running = null;
        train.setEnabled(true);
        cancel.setEnabled(false);
    }

    boolean isTraining() { return running != null; }

    private void showEpoch(GanEpoch e, int total, SampleGrid grid) {
        generatorLoss.add(e.epoch(), e.generatorLoss());
        discriminatorLoss.add(e.epoch(), e.discriminatorLoss());
        samples.setGrid(grid);
        state.setText(String.format(Locale.ROOT, "Epoch %d/%d: generator loss %.3f, discriminator loss %.3f, %.0f s%s", e.epoch(), total,
                e.generatorLoss(), e.discriminatorLoss(), e.seconds(),
                e.collapsed() ? String.format(Locale.ROOT, " — label %d collapsed to one image", e.lowestVarietyLabel()) : ""));
    }

    /** {@code models/<base>.zip}, or {@code <base>-2.zip} and so on: a trained generator never overwrites another. */
    static Path freeName(Path folder, String base) {
        Path file = folder.resolve(base + ".zip");
        for (int n = 2; Files.exists(file); n++) file = folder.resolve(base + "-" + n + ".zip");
        return file;
    }
}
