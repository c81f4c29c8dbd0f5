package digitloop.ui;

import digitloop.data.Degradation;
import digitloop.hitl.HitlIteration;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.PoolSplit;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.Retrainer;
import digitloop.hitl.ReviewQueue;
import digitloop.hitl.StrategyKind;
import digitloop.model.LoadedModel;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
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
import javax.swing.JSpinner;
import javax.swing.KeyStroke;
import javax.swing.SpinnerNumberModel;
import javax.swing.text.JTextComponent;

/** Label the samples the model is least sure about, by keyboard; retrain and see what the labels bought. */
final class ReviewPanel extends JPanel {
    /** The review split: a labelled start set and a validation set drawn from the training images (seeded, so stable). */
    static final int LABELED = 2000;
    static final int VALIDATION = 1000;
    static final long SPLIT_SEED = 1;

    private final Workbench bench;
    private final TaskRunner tasks;
    private final JComboBox<StrategyKind> strategy = new JComboBox<>(StrategyKind.values());
    private final JSpinner queueSize = new JSpinner(new SpinnerNumberModel(50, 1, 1000, 10));
    private final JSpinner scored = new JSpinner(new SpinnerNumberModel(5000, 100, 60_000, 1000));
    private final JComboBox<String> mode = new JComboBox<>(new String[] {"fine-tune", "from scratch"});
    private final JButton build = new JButton("Build queue");
    private final JButton retrain = new JButton("Retrain with my labels");
    private final DigitImage image = new DigitImage(280);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final QueueStrip upNext = new QueueStrip(9);
    private final JLabel guess = new JLabel("Build a queue to start.");
    private final JLabel counters = new JLabel(" ");
    private final HitlProgressView progress = new HitlProgressView();
    private final Object splitLock = new Object();
    private PoolSplit split;
    private Degradation splitDegradation;
    private ReviewQueue queue;
    private Double startAccuracy;
    private final java.util.ArrayDeque<Runnable> typed = new java.util.ArrayDeque<>();
    private boolean writing;
    private int rounds;

    ReviewPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(12, 12));
        this.bench = bench;
        this.tasks = tasks;
        setName("reviewPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        guess.setName("reviewGuess");
        counters.setName("reviewCounters");
        image.setName("reviewImage");
        queueSize.setName("reviewQueueSize");
        build.setName("buildQueue");
        retrain.setName("retrain");
        image.setFocusable(true);
        guess.setFont(guess.getFont().deriveFont(Font.BOLD, 20f));
        strategy.setSelectedItem(StrategyKind.ENTROPY);
        build.addActionListener(e -> buildQueue());
        retrain.addActionListener(e -> retrain());
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        controls.add(new JLabel("Strategy"));
        controls.add(strategy);
        controls.add(new JLabel("Queue size"));
        controls.add(queueSize);
        controls.add(new JLabel("Score pool images"));
        controls.add(scored);
        controls.add(build);
        controls.add(javax.swing.Box.createHorizontalStrut(24));
        controls.add(mode);
        controls.add(retrain);

        JPanel info = new JPanel(new BorderLayout(0, 10));
        info.add(guess, BorderLayout.NORTH);
        info.add(bars, BorderLayout.CENTER);
        JPanel below = new JPanel(new BorderLayout(0, 6));
        below.add(new JLabel("<html>Keys: <b>0–9</b> label · <b>Enter</b> accept the guess · <b>S</b> skip · "
                + "<b>Backspace</b> or <b>Ctrl+Z</b> undo. Each answer is on disk before the next image shows.</html>"), BorderLayout.NORTH);
        below.add(counters, BorderLayout.SOUTH);
        info.add(below, BorderLayout.SOUTH);
        JPanel sample = new JPanel(new BorderLayout(16, 10));
        sample.add(image, BorderLayout.WEST);
        sample.add(info, BorderLayout.CENTER);
        sample.add(upNext, BorderLayout.SOUTH);

        add(controls, BorderLayout.NORTH);
        add(sample, BorderLayout.CENTER);
        add(progress, BorderLayout.SOUTH);
        bindKeys();
        bench.onModelChange(m -> showCurrent());
        showCurrent();
        resume();
    }

    private void bindKeys() {
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            bind(KeyStroke.getKeyStroke((char) ('0' + d)), "label" + d, () -> answer(digit));
            bind(KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + d, 0), "pad" + d, () -> answer(digit));
        }
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "accept", () -> {
            if (queue != null && queue.hasCurrent()) answer(queue.current().guess());
        });
        bind(KeyStroke.getKeyStroke('s'), "skip", this::skip);
        bind(KeyStroke.getKeyStroke('S'), "skipUpper", this::skip);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0), "undo", this::undo);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undoCtrlZ", this::undo);
    }

    private void bind(KeyStroke key, String name, Runnable action) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override public void actionPerformed(ActionEvent e) {
                // Typing a number into a spinner is not a label.
                boolean typing = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTextComponent;
                if (isShowing() && !typing) {
                    typed.add(action);
                    pump();
                }
            }
        });
    }

    /** Puts the journal's last queue back where the person stopped, if there is one. */
    private void resume() {
        LoadedModel model = bench.model();
        if (model == null || bench.journal().lastQueue().isEmpty()) return;
        var classifier = bench.classifier();
        guess.setText("Resuming your queue…");
        tasks.run("Resuming the review queue", ctx -> {
            PoolSplit s = splitFor(model);
            return new Object[] {s, ReviewQueue.resume(classifier, s.pool(), bench.journal()).orElse(null)};
        }, r -> {
            if (queue == null) queue = (ReviewQueue) r[1];
            showCurrent();
        }, e -> {
            guess.setText("Build a queue to start.");
            Dialogs.error(this, "Your last review queue could not be resumed", e);
        });
    }

    private void buildQueue() {
        LoadedModel model = bench.model();
        if (model == null) return;
        var classifier = bench.classifier();
        StrategyKind kind = (StrategyKind) strategy.getSelectedItem();
        int size = (Integer) queueSize.getValue();
        QueryOptions options = new QueryOptions((Integer) scored.getValue(), false, 20, System.nanoTime());
        guess.setText("Scoring the pool (" + kind.label() + ")…");
        build.setEnabled(false);
        tasks.run("Scoring the pool (" + kind.label() + ")", ctx -> {
            PoolSplit s = splitFor(model);
            return new Object[] {s, ReviewQueue.build(classifier, s.pool(), kind, size, options, bench.journal(), ctx.cancellation())};
        }, r -> {
            build.setEnabled(true);
            queue = (ReviewQueue) r[1];
            showCurrent();
            // Digits typed into a spinner would edit it; put the keyboard on the sample instead.
            image.requestFocusInWindow();
        }, e -> {
            build.setEnabled(true);
            if (e instanceof CancellationException) {
                guess.setText("Scoring cancelled: no queue.");
                return;
            }
            guess.setText("The queue could not be built.");
            Dialogs.error(this, "Could not build the review queue", e);
        });
    }

    /**
     * The review pool for the model's input (a 14x14 model needs 14x14 images); sample ids are the same
     * for all. Built on workers under a lock of its own: AWT synchronizes on the component itself (its
     * listener lists), so a {@code synchronized} method here held the EDT while a pool was degraded.
     */
    private PoolSplit splitFor(LoadedModel model) {
        synchronized (splitLock) {
            Degradation wanted = model.metadata().degradation();
            if (split == null || !wanted.equals(splitDegradation)) {
                split = PoolSplit.create(wanted.apply(bench.train()), LABELED, VALIDATION, SPLIT_SEED);
                splitDegradation = wanted;
            }
            return split;
        }
    }

    /**
     * Runs the keys typed so far, in order. A label is written (flushed and synced) on the journal lane,
     * and the next sample shows only once it is on disk; keys typed meanwhile wait their turn, so typing
     * ahead labels the following samples, never the same one twice.
     */
    private void pump() {
        while (!writing && !typed.isEmpty()) typed.poll().run();
    }

    private void answer(int label) {
        if (queue == null || !queue.hasCurrent()) return;
        ReviewQueue.Item item = queue.current();
        String strategyName = queue.strategy();
        write(() -> bench.journal().answer(item.sampleId(), label, item.guess(), item.guessProbability(), strategyName),
                e -> queue.next(), "The label could not be saved, so nothing was recorded");
    }

    private void skip() {
        if (queue == null || !queue.hasCurrent()) return;
        queue.skip();
        showCurrent();
    }

    private void undo() {
        write(() -> bench.journal().undo(), undone -> {
            if (undone != null && undone.kind() == LabelEvent.Kind.ANSWER && queue != null) queue.backTo(undone.sampleId());
        }, "The undo could not be saved");
    }

    private interface JournalWrite {
        LabelEvent write() throws IOException;
    }

    private void write(JournalWrite what, java.util.function.Consumer<LabelEvent> then, String failure) {
        writing = true;
        tasks.run(TaskRunner.Lane.JOURNAL, "Saving to the label journal", ctx -> what.write(), event -> {
            writing = false;
            then.accept(event);
            showCurrent();
            pump();
        }, e -> {
            writing = false;
            typed.clear();
            showCurrent();
            Dialogs.error(this, failure, e);
        });
    }

    private void showCurrent() {
        boolean model = bench.hasModel();
        build.setEnabled(model);
        retrain.setEnabled(model);
        if (queue != null && queue.hasCurrent()) {
            ReviewQueue.Item item = queue.current();
            image.setPixels(item.image());
            bars.setProbabilities(item.probabilities(), item.guess());
            guess.setText(String.format(Locale.ROOT, "The model guesses %d (%.1f %%). Which digit is it?", item.guess(),
                    item.guessProbability() * 100));
            upNext.show(queue.items().subList(queue.position() + 1, queue.size()));
        } else {
            image.setPixels(null);
            bars.setProbabilities(null, -1);
            upNext.show(java.util.List.of());
            guess.setText(!model ? "No model yet: train one in the Train tab." : queue == null
                    ? "Build a queue: the pool images this model is least sure about." : "Queue done. Retrain, or build a new queue.");
        }
        counters.setText(String.format(Locale.ROOT, "labelled %d · corrections %d · left in queue %d · drawings taught %d",
                bench.journal().answeredCount(), bench.journal().corrections(), queue == null ? 0 : queue.remaining(),
                bench.journal().drawings().size()));
    }

    /** Retrains on everything in the journal, off the EDT, and shows what it bought against the random baseline. */
    void retrain() {
        LoadedModel model = bench.model();
        if (model == null) return;
        Map<Integer, Integer> answers = new LinkedHashMap<>(bench.journal().effectiveLabels());
        var drawings = bench.journal().drawings();
        int corrections = bench.journal().corrections();
        if (answers.isEmpty() && drawings.isEmpty()) {
            Dialogs.info(this, "Nothing to retrain on", "Label a few samples here, or teach drawings in the Draw tab, first.");
            return;
        }
        Retrainer.Mode how = mode.getSelectedIndex() == 0 ? Retrainer.Mode.FINE_TUNE : Retrainer.Mode.FROM_SCRATCH;
        var classifier = bench.classifier();
        int round = rounds + 1;
        retrain.setEnabled(false);
        tasks.run(TaskRunner.Lane.TRAINING, "Retraining on " + answers.size() + " labels", ctx -> RetrainRound.run(ctx, model,
                classifier, splitFor(model), bench.test(), answers, drawings, how, round), r -> {
                    rounds = round;
                    if (startAccuracy == null) startAccuracy = r.before();
                    progress.add(new HitlIteration(round, answers.size(), corrections, r.after(), r.randomBaseline(),
                            r.after() - startAccuracy), r.before());
                    bench.setModel(r.model());
                    showCurrent();
                }, e -> {
                    showCurrent();
                    if (!(e instanceof CancellationException)) Dialogs.error(this, "Retraining failed", e);
                });
    }

    ReviewQueue queue() { return queue; }

    HitlProgressView progressView() { return progress; }
}
