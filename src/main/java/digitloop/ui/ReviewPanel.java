package digitloop.ui;

import digitloop.data.Digits;
import digitloop.hitl.Oracle;
import digitloop.hitl.PoolSplit;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.Retrainer;
import digitloop.hitl.ReviewQueue;
import digitloop.hitl.StrategyKind;
import digitloop.model.LoadedModel;
import digitloop.train.Evaluator;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Label the samples the model is least sure about, by keyboard; retrain and see what the labels bought. */
final class ReviewPanel extends JPanel {
    static final int LABELED = 2000;
    static final int VALIDATION = 1000;

    private final Workbench bench;
    private final TaskRunner tasks;
    private final JComboBox<StrategyKind> strategy = new JComboBox<>(StrategyKind.values());
    private final JSpinner queueSize = new JSpinner(new SpinnerNumberModel(50, 1, 1000, 10));
    private final JSpinner scored = new JSpinner(new SpinnerNumberModel(5000, 100, 60_000, 1000));
    private final DigitImage image = new DigitImage(280);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final JLabel guess = new JLabel("Build a queue to start.");
    private final JLabel counters = new JLabel(" ");
    private final JLabel beforeAfter = new JLabel(" ");
    private final XYSeries withLabels = new XYSeries("with your labels");
    private final XYSeries atRandom = new XYSeries("same number at random");
    private PoolSplit split;
    private ReviewQueue queue;

    ReviewPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(10, 10));
        this.bench = bench;
        this.tasks = tasks;
        setName("reviewPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        guess.setName("reviewGuess");
        counters.setName("reviewCounters");
        image.setName("reviewImage");
        image.setFocusable(true);
        guess.setFont(guess.getFont().deriveFont(Font.BOLD, 18f));
        JButton build = new JButton("Build queue");
        build.setName("buildQueue");
        build.addActionListener(e -> buildQueue());
        JButton retrain = new JButton("Retrain with my labels");
        retrain.setName("retrain");
        retrain.addActionListener(e -> retrain());
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        controls.add(new JLabel("Strategy"));
        controls.add(strategy);
        controls.add(new JLabel("Queue"));
        controls.add(queueSize);
        controls.add(new JLabel("Score pool images"));
        controls.add(scored);
        controls.add(build);
        controls.add(retrain);

        JPanel sample = new JPanel(new BorderLayout(10, 10));
        sample.add(image, BorderLayout.WEST);
        JPanel info = new JPanel(new BorderLayout(0, 8));
        info.add(guess, BorderLayout.NORTH);
        info.add(bars, BorderLayout.CENTER);
        info.add(new JLabel("<html>Keys: <b>0–9</b> label · <b>Enter</b> accept the guess · <b>S</b> skip · "
                + "<b>Backspace</b> or <b>Ctrl+Z</b> undo</html>"), BorderLayout.SOUTH);
        sample.add(info, BorderLayout.CENTER);
        sample.add(counters, BorderLayout.SOUTH);

        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(withLabels);
        data.addSeries(atRandom);
        JPanel results = new JPanel(new GridLayout(1, 1));
        results.add(Charts.panel(Charts.line("Test accuracy per retrain", "labels given", "accuracy (%)", data, true)));
        JPanel bottom = new JPanel(new BorderLayout(0, 6));
        bottom.add(beforeAfter, BorderLayout.NORTH);
        bottom.add(results, BorderLayout.CENTER);

        add(controls, BorderLayout.NORTH);
        add(sample, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        bottom.setPreferredSize(new java.awt.Dimension(600, 300));
        bindKeys();
        updateCounters();
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
                if (isShowing()) action.run();
            }
        });
    }

    private void buildQueue() {
        LoadedModel model = bench.model();
        StrategyKind kind = (StrategyKind) strategy.getSelectedItem();
        int size = (Integer) queueSize.getValue();
        QueryOptions options = new QueryOptions((Integer) scored.getValue(), false, 20, System.nanoTime());
        guess.setText("Scoring the pool…");
        tasks.run("Scoring pool (" + kind.label() + ")", ctx -> {
            PoolSplit s = splitFor(model);
            return new Object[] {s, ReviewQueue.build(model.classifier(), s.pool(), kind, size, options,
                    bench.journal().effectiveLabels().keySet())};
        }, r -> {
            split = (PoolSplit) r[0];
            queue = (ReviewQueue) r[1];
            showCurrent();
            // Digits typed into a spinner would edit it; put the keyboard on the sample instead.
            image.requestFocusInWindow();
        }, e -> {
            guess.setText("Could not build the queue.");
            Dialogs.error(this, "Could not build the review queue", e);
        });
    }

    /** The review pool: the training images minus a labelled start set and a validation set (seeded, so stable). */
    private PoolSplit splitFor(LoadedModel model) {
        if (split == null) split = PoolSplit.create(model.metadata().degradation().apply(bench.train()), LABELED, VALIDATION, 1);
        return split;
    }

    private void answer(int label) {
        if (queue == null || !queue.hasCurrent()) return;
        ReviewQueue.Item item = queue.current();
        try {
            // On disk (fsynced) before the next sample shows.
            bench.journal().answer(item.sampleId(), label, item.guess(), item.guessProbability(), queue.strategy());
        } catch (IOException e) {
            Dialogs.error(this, "The label could not be saved; nothing was recorded", e);
            return;
        }
        queue.advance();
        showCurrent();
    }

    private void skip() {
        if (queue == null || !queue.hasCurrent()) return;
        queue.advance();
        showCurrent();
    }

    private void undo() {
        try {
            if (bench.journal().undo() != null && queue != null) queue.back();
        } catch (IOException e) {
            Dialogs.error(this, "Undo could not be saved", e);
        }
        showCurrent();
    }

    private void showCurrent() {
        if (queue != null && queue.hasCurrent()) {
            ReviewQueue.Item item = queue.current();
            image.setPixels(item.image());
            bars.setProbabilities(item.probabilities(), item.guess());
            guess.setText(String.format(Locale.ROOT, "Model's guess: %d (%.1f %%). Which digit is it?", item.guess(),
                    item.guessProbability() * 100));
        } else {
            image.setPixels(null);
            bars.setProbabilities(null, -1);
            guess.setText(queue == null ? "Build a queue to start." : "Queue done. Retrain, or build a new queue.");
        }
        updateCounters();
    }

    private void updateCounters() {
        if (bench.journal() == null) return;
        counters.setText(String.format(Locale.ROOT, "labelled %d · corrections %d · left in queue %d · drawings taught %d",
                bench.journal().answeredCount(), bench.journal().corrections(), queue == null ? 0 : queue.remaining(),
                bench.journal().drawings().size()));
    }

    private void retrain() {
        LoadedModel model = bench.model();
        Map<Integer, Integer> answers = new LinkedHashMap<>(bench.journal().effectiveLabels());
        var drawings = bench.journal().drawings();
        if (answers.isEmpty() && drawings.isEmpty()) {
            Dialogs.error(this, "Nothing to retrain on", new IllegalStateException("Label a few samples (or teach drawings) first."));
            return;
        }
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(1).withLearningRate(3e-4, 1.0);
        tasks.run("Retraining on " + answers.size() + " labels", ctx -> {
            PoolSplit s = splitFor(model);
            Digits test = model.metadata().degradation().apply(bench.test());
            var testIds = digitloop.hitl.Retrainer.idsOf(test);
            double before = Evaluator.evaluate(model.classifier(), test).accuracy();
            ctx.progress(0.1, "fine-tuning with your labels");
            Digits mine = Retrainer.trainingSet(s, answers, drawings, model.metadata().degradation(), testIds);
            TrainingResult result = Retrainer.retrain(model, mine, s.validation(), answers.size() + drawings.size(),
                    Retrainer.Mode.FINE_TUNE, config, TrainingListener.NONE, ctx.cancellation());
            if (!result.hasModel()) throw new IllegalStateException("Retraining stopped: " + result.message());
            double after = Evaluator.evaluate(result.model().classifier(), test).accuracy();
            ctx.progress(0.6, "same number of random labels, for comparison");
            Oracle oracle = new Oracle(s.hidden(), 0, 1);
            Map<Integer, Integer> random = new LinkedHashMap<>();
            for (int index : StrategyKind.RANDOM.create().select(model.classifier(), s.pool(), answers.size(), QueryOptions.DEFAULT)) {
                random.put(s.pool().id(index), oracle.answer(s.pool().id(index)));
            }
            TrainingResult baseline = Retrainer.retrain(model, Retrainer.trainingSet(s, random, java.util.List.of(),
                    model.metadata().degradation(), testIds), s.validation(), random.size(), Retrainer.Mode.FINE_TUNE, config,
                    TrainingListener.NONE, ctx.cancellation());
            double randomAcc = baseline.hasModel() ? Evaluator.evaluate(baseline.model().classifier(), test).accuracy() : before;
            return new Object[] {result.model(), before, after, randomAcc};
        }, r -> {
            double before = (Double) r[1];
            double after = (Double) r[2];
            double random = (Double) r[3];
            if (withLabels.getItemCount() == 0) {
                withLabels.add(0, before * 100);
                atRandom.add(0, before * 100);
            }
            withLabels.add(answers.size(), after * 100);
            atRandom.add(answers.size(), random * 100);
            beforeAfter.setText(String.format(Locale.ROOT, "<html>Before <b>%.2f %%</b> → after <b>%.2f %%</b> (%+.2f points) with %d labels, "
                    + "%d of them corrections; the same number of random labels gave %.2f %%.</html>", before * 100, after * 100,
                    (after - before) * 100, answers.size(), bench.journal().corrections(), random * 100));
            bench.setModel((LoadedModel) r[0]);
        }, e -> Dialogs.error(this, "Retraining failed", e));
    }
}
