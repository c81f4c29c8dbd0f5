package digitloop.ui;

import digitloop.hitl.LabelEvent;
import digitloop.hitl.OwnImages;
import digitloop.hitl.Pool;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.ReviewContract;
import digitloop.hitl.ReviewQueue;
import digitloop.hitl.ReviewRefusedException;
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
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
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

/**
 * Label the samples the model is least sure about, by keyboard; retrain and decide whether the
 * retrained model replaces the current one. The pool holds only images the model never trained on
 * ({@link ReviewContract}); the tab says which workflow runs.
 */
final class ReviewPanel extends JPanel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReviewPanel.class);


    private final Workbench bench;
    private final TaskRunner tasks;
    private final JComboBox<StrategyKind> strategy = new JComboBox<>(StrategyKind.values());
    private final JSpinner queueSize = new JSpinner(new SpinnerNumberModel(50, 1, 1000, 10));
    private final JSpinner scored = new JSpinner(new SpinnerNumberModel(5000, 100, 60_000, 1000));
    private final JButton build = new JButton("Build queue");
    private final JButton newProject = new JButton("New small-start project…");
    private final JLabel workflow = new JLabel(" ");
    private final JButton addOwn = new JButton("Add my images…");
    private final JButton removeOwn = new JButton("Remove my images");
    private final javax.swing.JCheckBox onlyOwn = new javax.swing.JCheckBox("Only my images", true);
    private final JLabel ownStatus = new JLabel("Your own unlabelled digits can be reviewed too: a folder of PNG, JPEG, BMP or GIF files.");
    /** The person's own folder in the queue's pool, or null; set and read on the EDT only. */
    private OwnImages own;
    private final JButton retrain = new JButton("Retrain with my labels");
    private final DigitImage image = new DigitImage(280);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final QueueStrip upNext = new QueueStrip(9);
    private final JLabel guess = new JLabel("Build a queue to start.");
    private final JLabel counters = new JLabel(" ");
    private final RetrainPanel retrainPanel;
    private final Runnable labelsChanged;
    private final Object contractLock = new Object();
    private LoadedModel contractModel;
    private ReviewContract contract;
    private digitloop.data.LabelFixes contractFixes;
    private RuntimeException refusal;
    private ReviewQueue queue;
    private final java.util.ArrayDeque<Runnable> typed = new java.util.ArrayDeque<>();
    private boolean writing;
    private boolean retraining;

    ReviewPanel(Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel, Runnable labelsChanged) {
        super(new BorderLayout(12, 12));
        this.bench = bench;
        this.tasks = tasks;
        this.labelsChanged = labelsChanged;
        this.retrainPanel = new RetrainPanel(bench, tasks, this::contractFor, useModel, this::buildQueue);
        workflow.setName("reviewWorkflow");
        newProject.setName("newSmallStart");
        newProject.addActionListener(e -> SmallStartDialog.open(this, bench, tasks, useModel));
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
        addOwn.setName("addOwnImages");
        removeOwn.setName("removeOwnImages");
        onlyOwn.setName("onlyOwnImages");
        ownStatus.setName("ownImagesStatus");
        addOwn.addActionListener(e -> chooseOwnFolder());
        removeOwn.addActionListener(e -> setOwnImages(null));
        removeOwn.setEnabled(false);
        onlyOwn.setEnabled(false);
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
        controls.add(retrain);
        controls.add(newProject);
        JPanel ownRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        ownRow.add(addOwn);
        ownRow.add(onlyOwn);
        ownRow.add(removeOwn);
        ownRow.add(ownStatus);
        JPanel top = new JPanel(new BorderLayout(0, 6));
        top.add(controls, BorderLayout.NORTH);
        top.add(ownRow, BorderLayout.CENTER);
        top.add(workflow, BorderLayout.SOUTH);

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

        add(top, BorderLayout.NORTH);
        add(sample, BorderLayout.CENTER);
        add(retrainPanel, BorderLayout.SOUTH);
        bindKeys();
        bench.onModelChange(m -> {
            showCurrent();
            describeWorkflow();
        });
        showCurrent();
        describeWorkflow();
        resume();
        restoreOwnFolder();
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
        OwnImages mine = own;
        guess.setText("Resuming your queue…");
        tasks.run("Resuming the review queue", ctx -> {
            return ReviewQueue.resume(classifier, queuePool(model, mine), bench.journal()).orElse(null);
        }, resumed -> {
            if (queue == null) queue = resumed;
            showCurrent();
        }, e -> {
            guess.setText("Build a queue to start.");
            if (!(e instanceof ReviewRefusedException)) Dialogs.error(this, "Your last review queue could not be resumed", e);
        });
    }

    void buildQueue() {
        LoadedModel model = bench.model();
        if (model == null) return;
        var classifier = bench.classifier();
        StrategyKind kind = (StrategyKind) strategy.getSelectedItem();
        int size = (Integer) queueSize.getValue();
        QueryOptions options = new QueryOptions((Integer) scored.getValue(), false, 20, System.nanoTime());
        OwnImages mine = own;
        boolean onlyMine = own != null && onlyOwn.isSelected();
        guess.setText("Scoring the pool (" + kind.label() + ")…");
        build.setEnabled(false);
        long asked = System.nanoTime();
        tasks.run("Scoring the pool (" + kind.label() + ")", ctx -> {
            Pool pool = onlyMine ? ownPool(model, mine) : queuePool(model, mine);
            return ReviewQueue.build(classifier, pool, kind, size, options, bench.journal(), ctx.cancellation());
        }, built -> {
            // The round's times are the review loop's promise (docs/review-loop.md, "Time of a round"); the log keeps them.
            LOG.info(String.format(Locale.ROOT,
                    "Review queue of %d (%s) built in %.1f s", built.items().size(), kind.label(), (System.nanoTime() - asked) / 1e9));
            build.setEnabled(true);
            queue = built;
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
            if (e instanceof ReviewRefusedException) {
                Dialogs.info(this, "No images to review for this model", Dialogs.escape(e.getMessage()));
            } else {
                Dialogs.error(this, "Could not build the review queue", e);
            }
        });
    }

    /** The contract's pool and, when the person added a folder, their own images after it (a worker's call). */
    private Pool queuePool(LoadedModel model, OwnImages mine) {
        Pool unseen = contractFor(model).pool();
        return mine == null ? unseen : unseen.with(ownPool(model, mine));
    }

    /** The own images as the model sees them (noisy or downsampled as it was trained); the journal keeps them clean. */
    private static Pool ownPool(LoadedModel model, OwnImages mine) {
        return Pool.unlabelled(model.metadata().degradation().apply(mine.images()));
    }

    private void chooseOwnFolder() {
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser(own != null ? own.folder().toFile()
                : java.nio.file.Path.of("").toAbsolutePath().toFile());
        chooser.setDialogTitle("A folder of your own digit images to review (PNG, JPEG, BMP, GIF; subfolders too)");
        chooser.setFileSelectionMode(javax.swing.JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(this) == javax.swing.JFileChooser.APPROVE_OPTION) loadOwnFolder(chooser.getSelectedFile().toPath(), true);
    }

    /** Reads {@code folder} off the EDT; {@code tell} shows a message when it cannot be used (not at start-up). */
    void loadOwnFolder(java.nio.file.Path folder, boolean tell) {
        addOwn.setEnabled(false);
        ownStatus.setText("Reading your images in " + folder + "…");
        tasks.run("Reading your images", ctx -> OwnImages.read(folder, ctx, ctx.cancellation()), read -> {
            addOwn.setEnabled(true);
            setOwnImages(read);
        }, e -> {
            addOwn.setEnabled(true);
            setOwnImages(own);
            if (e instanceof CancellationException) return;
            if (tell) Dialogs.info(this, "These images cannot be reviewed", Dialogs.escape(String.valueOf(e.getMessage())));
            else ownStatus.setText("<html>Your folder " + Dialogs.escape(folder.toString()) + " could not be read: "
                    + Dialogs.escape(String.valueOf(e.getMessage())) + "</html>");
        });
    }

    /** Puts {@code images} in the pool (null: none) and remembers the folder beside the journal for the next start. */
    private void setOwnImages(OwnImages images) {
        own = images;
        removeOwn.setEnabled(images != null);
        onlyOwn.setEnabled(images != null);
        ownStatus.setText(images == null ? "Your own unlabelled digits can be reviewed too: a folder of PNG, JPEG, BMP or GIF files."
                : "<html>In the pool: " + Dialogs.escape(images.describe()) + ". Labels you give them train the model like any other.</html>");
        java.nio.file.Path remembered = ownFolderFile();
        try {
            if (images == null) java.nio.file.Files.deleteIfExists(remembered);
            else digitloop.files.AtomicWrite.write(remembered, images.folder().toAbsolutePath().toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            ownStatus.setText(ownStatus.getText() + " (not remembered for the next start: " + e.getMessage() + ")");
        }
    }

    /** Beside the journal: the folder belongs to this set of labels. */
    private java.nio.file.Path ownFolderFile() {
        return bench.workspace().journal().toAbsolutePath().resolveSibling("own-images-folder.txt");
    }

    private void restoreOwnFolder() {
        java.nio.file.Path remembered = ownFolderFile();
        if (!java.nio.file.Files.isRegularFile(remembered)) return;
        try {
            java.nio.file.Path folder = java.nio.file.Path.of(java.nio.file.Files.readString(remembered).trim());
            loadOwnFolder(folder, false);
        } catch (IOException | RuntimeException e) {
            ownStatus.setText("Your last folder of own images could not be found again: add it with \"Add my images…\".");
        }
    }

    /**
     * What {@code model} may be asked about and retrained on, worked out once per model on a worker.
     * Under a lock of its own: AWT synchronizes on the component itself (its listener lists), so a
     * {@code synchronized} method here held the EDT while a pool was degraded.
     *
     * @throws ReviewRefusedException when the model has nothing left to review, saying why
     */
    private ReviewContract contractFor(LoadedModel model) {
        synchronized (contractLock) {
            // A retrain replays the model's own training images: with the labels corrected in Suspicious labels, not MNIST's.
            // Relabelled only (images marked unclear stay): the contract's pool and replay are positions in the training set.
            digitloop.data.LabelFixes fixes = bench.journal().labelFixes(false);
            if (contractModel == null || contractModel.network() != model.network()
                    || !contractModel.metadata().equals(model.metadata()) || !fixes.equals(contractFixes)) {
                contractModel = model;
                contractFixes = fixes;
                contract = null;
                refusal = null;
                try {
                    contract = ReviewContract.of(model.metadata(), model.metadata().degradation().apply(fixes.apply(bench.train())));
                } catch (ReviewRefusedException e) {
                    refusal = e;
                }
            }
            if (refusal != null) throw refusal;
            return contract;
        }
    }

    /** The workflow line at the top of the tab, for the current model. */
    private void describeWorkflow() {
        LoadedModel model = bench.model();
        if (model == null) {
            workflow.setText("No model yet: train one in the Train tab, or start a small-start project.");
            return;
        }
        workflow.setText("Working out which images this model has never seen…");
        tasks.run("Finding the review pool", ctx -> contractFor(model).description(), text -> {
            if (bench.model() == model) workflow.setText("<html>" + Dialogs.escape(text) + "</html>");
        }, e -> {
            if (bench.model() == model) workflow.setText("<html><b>Nothing to review:</b> " + Dialogs.escape(String.valueOf(e.getMessage())) + "</html>");
        });
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
        if (OwnImages.isOwnImage(item.sampleId())) {
            // The journal keeps the image itself, clean, so it trains the model even when the folder is gone.
            float[] clean = own != null && own.pixelsOf(item.sampleId()) != null ? own.pixelsOf(item.sampleId()) : item.image();
            String name = own != null ? own.nameOf(item.sampleId()) : "image " + item.sampleId();
            write(() -> bench.journal().teachOwnImage(item.sampleId(), clean, label, item.guess(), item.guessProbability(), name),
                    e -> queue.next(), "The label could not be saved, so nothing was recorded");
            return;
        }
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
            boolean queued = undone != null && (undone.kind() == LabelEvent.Kind.ANSWER || OwnImages.isOwnImage(undone.sampleId()));
            if (queued && queue != null) queue.backTo(undone.sampleId());
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
            labelsChanged.run();
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
        retrain.setEnabled(model && !retraining);
        if (queue != null && queue.hasCurrent()) {
            ReviewQueue.Item item = queue.current();
            image.setPixels(item.image());
            bars.setProbabilities(item.probabilities(), item.guess());
            String whose = OwnImages.isOwnImage(item.sampleId()) && own != null ? "Your image " + own.nameOf(item.sampleId()) + ": the model" : "The model";
            guess.setText(String.format(Locale.ROOT, "%s guesses %d (%.1f %%). Which digit is it?", whose, item.guess(),
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
                bench.journal().drawings().stream().filter(d -> !OwnImages.isOwnImage(d.sampleId())).count()));
    }

    /** Retrains on everything in the journal, off the EDT; the result waits in {@link RetrainPanel} for the person's decision. */
    void retrain() {
        if (!bench.hasModel() || retraining) return;
        retraining = true;
        retrain.setEnabled(false);
        retrainPanel.retrain(() -> {
            retraining = false;
            showCurrent();
        });
    }

    ReviewQueue queue() { return queue; }

    HitlProgressView progressView() { return retrainPanel.progressView(); }

    RetrainPanel retrainPanel() { return retrainPanel; }

    String workflowText() { return workflow.getText(); }

    OwnImages ownImages() { return own; }
}
