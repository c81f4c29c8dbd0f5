package digitloop.ui;

import digitloop.data.Digits;
import digitloop.hitl.CrossValidation;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.LabelIssue;
import digitloop.hitl.LabelIssueSearch;
import digitloop.hitl.LabelQuality;
import digitloop.model.LoadedModel;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSpinner;
import javax.swing.KeyStroke;
import javax.swing.SpinnerNumberModel;
import javax.swing.text.JTextComponent;

/**
 * The Review tab's queue of given labels that confident learning doubts: MNIST's own label beside the
 * out-of-sample guess, and the person keeps it, corrects it or marks the image "not a clear digit",
 * by keyboard. Each decision is in the label journal before the next image shows; training uses the
 * corrections and leaves out the unclear images (Train tab).
 */
final class SuspiciousLabelsPanel extends JPanel {
    static final String METHOD = "confident-learning";

    enum Split {
        TRAIN("Training images (k-fold cross-validation)"), TEST("Test images (the current model)");

        private final String label;

        Split(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    private final Workbench bench;
    private final TaskRunner tasks;
    private final JComboBox<Split> split = new JComboBox<>(Split.values());
    private final JSpinner folds = new JSpinner(new SpinnerNumberModel(CrossValidation.DEFAULT.folds(), 2, 10, 1));
    private final JButton find = new JButton("Find suspicious labels");
    private final JButton cancel = new JButton("Cancel");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JLabel summary = new JLabel(" ");
    private final DigitImage image = new DigitImage(280);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final JLabel question = new JLabel("Find suspicious labels to start.");
    private final JLabel detail = new JLabel(" ");
    private final JLabel counters = new JLabel(" ");
    private final ArrayDeque<Runnable> typed = new ArrayDeque<>();
    private TaskRunner.RunningTask ranking;
    private LabelIssueSearch.Outcome outcome;
    private List<LabelIssue> queue = List.of();
    private int position;
    private boolean writing;

    SuspiciousLabelsPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(12, 12));
        this.bench = bench;
        this.tasks = tasks;
        setName("suspiciousPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        split.setName("suspiciousSplit");
        folds.setName("suspiciousFolds");
        find.setName("suspiciousFind");
        cancel.setName("suspiciousCancel");
        progress.setName("suspiciousProgress");
        question.setName("suspiciousQuestion");
        counters.setName("suspiciousCounters");
        summary.setName("suspiciousSummary");
        image.setName("suspiciousImage");
        image.setFocusable(true);
        question.setFont(question.getFont().deriveFont(Font.BOLD, 20f));
        progress.setStringPainted(true);
        progress.setString("not ranked yet");
        cancel.setEnabled(false);
        split.addActionListener(e -> folds.setEnabled(split.getSelectedItem() == Split.TRAIN));
        find.addActionListener(e -> rank());
        cancel.addActionListener(e -> {
            if (ranking != null) ranking.cancel();
        });

        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        controls.add(new JLabel("Rank"));
        controls.add(split);
        controls.add(new JLabel("Folds"));
        controls.add(folds);
        controls.add(find);
        controls.add(cancel);
        JPanel top = new JPanel(new BorderLayout(0, 6));
        top.add(controls, BorderLayout.NORTH);
        top.add(progress, BorderLayout.CENTER);
        top.add(summary, BorderLayout.SOUTH);

        JPanel words = new JPanel(new BorderLayout(0, 6));
        words.add(question, BorderLayout.NORTH);
        words.add(detail, BorderLayout.SOUTH);
        JPanel info = new JPanel(new BorderLayout(0, 10));
        info.add(words, BorderLayout.NORTH);
        info.add(bars, BorderLayout.CENTER);
        JPanel below = new JPanel(new BorderLayout(0, 6));
        below.add(new JLabel("<html>Keys: <b>K</b> or <b>Enter</b> keep the given label · <b>0–9</b> correct it to that digit · "
                + "<b>U</b> not a clear digit · <b>S</b> skip · <b>Backspace</b> or <b>Ctrl+Z</b> undo. "
                + "Each decision is on disk before the next image shows.</html>"), BorderLayout.NORTH);
        below.add(counters, BorderLayout.SOUTH);
        info.add(below, BorderLayout.SOUTH);
        JPanel sample = new JPanel(new BorderLayout(16, 10));
        sample.add(image, BorderLayout.WEST);
        sample.add(info, BorderLayout.CENTER);

        add(top, BorderLayout.NORTH);
        add(sample, BorderLayout.CENTER);
        bindKeys();
        showCurrent();
    }

    private void bindKeys() {
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            bind(KeyStroke.getKeyStroke((char) ('0' + d)), "relabel" + d, () -> decide(digit));
            bind(KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + d, 0), "relabelPad" + d, () -> decide(digit));
        }
        Runnable keep = () -> {
            if (hasCurrent()) decide(current().given());
        };
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "keep", keep);
        bind(KeyStroke.getKeyStroke('k'), "keepK", keep);
        bind(KeyStroke.getKeyStroke('K'), "keepKUpper", keep);
        bind(KeyStroke.getKeyStroke('u'), "unclear", () -> decide(LabelEvent.UNCLEAR));
        bind(KeyStroke.getKeyStroke('U'), "unclearUpper", () -> decide(LabelEvent.UNCLEAR));
        bind(KeyStroke.getKeyStroke('s'), "skip", this::skip);
        bind(KeyStroke.getKeyStroke('S'), "skipUpper", this::skip);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0), "undo", this::undo);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undoCtrlZ", this::undo);
    }

    private void bind(KeyStroke key, String name, Runnable action) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override public void actionPerformed(ActionEvent e) {
                // Typing a number into the folds spinner is not a label.
                boolean typing = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTextComponent;
                if (isShowing() && !typing) {
                    typed.add(action);
                    pump();
                }
            }
        });
    }

    /** The out-of-fold (or the current model's) probabilities and the ranking, on the training lane with progress and Cancel. */
    void rank() {
        if (ranking != null) return;
        Split which = (Split) split.getSelectedItem();
        LoadedModel model = bench.model();
        if (which == Split.TEST && model == null) {
            Dialogs.info(this, "No model to score the test set", "Train a model in the Train tab first, or rank the training images.");
            return;
        }
        int k = (Integer) folds.getValue();
        CrossValidation cv = CrossValidation.DEFAULT.withFolds(k);
        Digits digits = which == Split.TRAIN ? bench.train() : bench.test();
        Path cache = bench.workspace().journal().toAbsolutePath().resolveSibling("label-issues")
                .resolve(String.format(Locale.ROOT, "train-%d-k%d-seed%d", digits.size(), k, cv.seed()));
        find.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        progress.setString("starting…");
        question.setText(which == Split.TRAIN ? "Ranking the training labels…" : "Ranking the test labels…");
        String name = which == Split.TRAIN ? "Finding suspicious training labels (" + k + " folds)" : "Finding suspicious test labels";
        ranking = tasks.run(TaskRunner.Lane.TRAINING, name, ctx -> {
            digitloop.task.ProgressSink sink = (fraction, message) -> {
                ctx.progress(fraction, message);
                javax.swing.SwingUtilities.invokeLater(() -> {
                    if (fraction >= 0) progress.setValue((int) Math.round(fraction * 1000));
                    progress.setString(message);
                });
            };
            return which == Split.TRAIN
                    ? LabelIssueSearch.training(digits, cv, LabelQuality.SELF_CONFIDENCE, cache, sink, ctx.cancellation())
                    : LabelIssueSearch.test(digits, model, LabelQuality.SELF_CONFIDENCE, sink, ctx.cancellation());
        }, found -> {
            ranking = null;
            show(found);
        }, e -> {
            ranking = null;
            progress.setString(e instanceof CancellationException ? "cancelled: the folds finished so far are kept for the next run"
                    : "failed: " + digitloop.task.UserMessages.of(e));
            showCurrent();
            if (!(e instanceof CancellationException)) Dialogs.error(this, "Could not rank the labels", e);
        }, () -> {
            find.setEnabled(true);
            cancel.setEnabled(false);
        });
    }

    /** Shows a finished ranking: the doubted labels not reviewed yet, most doubtful first. */
    void show(LabelIssueSearch.Outcome found) {
        outcome = found;
        Map<Integer, LabelEvent> reviewed = bench.journal().reviews();
        List<LabelIssue> open = new ArrayList<>();
        // Confident learning's issues first; then the images whose top guess is another digit but below its threshold,
        // a weaker signal that matters when a well-calibrated model leaves the joint nearly diagonal (the test set).
        List<LabelIssue> all = new ArrayList<>(found.result().issues());
        all.addAll(found.result().disagreements());
        for (LabelIssue issue : all) if (!reviewed.containsKey(issue.id())) open.add(issue);
        queue = open;
        position = 0;
        progress.setValue(1000);
        progress.setString(String.format(Locale.ROOT, "ranked in %.0f s", found.seconds()));
        summary.setText(String.format(Locale.ROOT, "<html>Of %,d given labels, <b>%,d doubted</b> by confident learning (another "
                        + "digit's out-of-sample probability at or above that digit's own threshold), then %,d more where the top guess "
                        + "is another digit below its threshold · %,d reviewed already</html>", found.ranked().size(),
                found.result().issues().size(), found.result().disagreements().size(), all.size() - open.size()));
        showCurrent();
        image.requestFocusInWindow();
    }

    private void pump() {
        while (!writing && !typed.isEmpty()) typed.poll().run();
    }

    private boolean hasCurrent() {
        return position < queue.size();
    }

    private LabelIssue current() {
        return queue.get(position);
    }

    private void decide(int label) {
        if (!hasCurrent()) return;
        LabelIssue issue = current();
        writing = true;
        tasks.run(TaskRunner.Lane.JOURNAL, "Saving to the label journal", ctx -> bench.journal().review(issue.id(), issue.given(), label,
                issue.suggested(), issue.suggestedProbability(), METHOD), event -> {
            writing = false;
            if (hasCurrent() && current() == issue) position++;
            showCurrent();
            pump();
        }, this::writeFailed);
    }

    private void skip() {
        if (!hasCurrent()) return;
        position++;
        showCurrent();
    }

    private void undo() {
        writing = true;
        tasks.run(TaskRunner.Lane.JOURNAL, "Saving the undo to the label journal", ctx -> bench.journal().undoReview(), undone -> {
            writing = false;
            if (undone != null) {
                for (int i = 0; i < queue.size(); i++) {
                    if (queue.get(i).id() == undone.sampleId()) {
                        position = i;
                        break;
                    }
                }
            }
            showCurrent();
            pump();
        }, this::writeFailed);
    }

    private void writeFailed(Throwable e) {
        writing = false;
        typed.clear();
        showCurrent();
        Dialogs.error(this, "The decision could not be saved, so nothing was recorded", e);
    }

    private void showCurrent() {
        if (outcome != null && hasCurrent()) {
            LabelIssue issue = current();
            float[] p = outcome.probabilities()[issue.index()];
            image.setPixels(outcome.ranked().image(issue.index()));
            bars.setProbabilities(p, issue.suggested());
            question.setText(String.format(Locale.ROOT, "Labelled %d, the model says %d (%.1f %%). Which is it?", issue.given(),
                    issue.suggested(), issue.suggestedProbability() * 100));
            boolean confident = issue.rank() <= outcome.result().issues().size();
            detail.setText(String.format(Locale.ROOT, "<html>#%d of %d · %s · sample %d · probability of the given %d: %.2f %% · "
                            + "out-of-sample: %s</html>", issue.rank(), outcome.result().issues().size()
                            + outcome.result().disagreements().size(), confident ? "<b>confident learning</b>" : "top guess below its threshold",
                    issue.id(), issue.given(),
                    issue.givenProbability() * 100, outcome.ranked().id(0) >= 60_000 ? "a model that never trained on the test set"
                            : "a fold model that never saw this image"));
        } else {
            image.setPixels(null);
            bars.setProbabilities(null, -1);
            detail.setText(" ");
            if (ranking == null) {
                question.setText(outcome == null ? "Find suspicious labels to start." : "Queue done: every doubted label is reviewed.");
            }
        }
        int kept = 0;
        int corrected = 0;
        int unclear = 0;
        for (LabelEvent e : bench.journal().reviews().values()) {
            if (e.label() == LabelEvent.UNCLEAR) unclear++;
            else if (e.relabels()) corrected++;
            else kept++;
        }
        counters.setText(String.format(Locale.ROOT, "reviewed %d · kept %d · corrected %d · not a clear digit %d · left in queue %d",
                kept + corrected + unclear, kept, corrected, unclear, Math.max(0, queue.size() - position)));
    }

    LabelIssueSearch.Outcome outcome() { return outcome; }

    List<LabelIssue> queue() { return queue; }

    int position() { return position; }

    boolean busy() { return ranking != null || writing; }
}
