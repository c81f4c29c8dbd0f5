package digitloop.ui;

import digitloop.data.Digits;
import digitloop.hitl.HitlIteration;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.hitl.ReviewRound;
import digitloop.hitl.RoundHistory;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The Review tab's round: retrain on the person's labels, show before/after on validation and test
 * with the images that changed, and let the person decide. The retrained model becomes current only
 * when accepted (saved first, so it is never lost); the model it replaced can be restored.
 */
final class RetrainPanel extends JPanel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RetrainPanel.class);

    private final Workbench bench;
    private final TaskRunner tasks;
    private final Function<LoadedModel, ReviewContract> contracts;
    private final Consumer<LoadedModel> useModel;
    private final Runnable afterAccept;
    private final HitlProgressView progress = new HitlProgressView();
    private final ChangedImages changed = new ChangedImages();
    private final JLabel result = new JLabel("<html>Label some samples, then <b>Retrain with my labels</b>: the retrained model is "
            + "compared with the current one before anything is replaced.</html>");
    private final JButton accept = new JButton("Use the retrained model");
    private final JButton keep = new JButton("Keep the current model");
    private final JButton revert = new JButton("Restore the previous model");
    private ReviewRound.Candidate pending;
    private LoadedModel pendingParent;
    private String baselineText = "";
    private LoadedModel previous;
    private Double start;
    private int rounds;
    private RoundHistory history;
    private RoundHistory.Row row;

    RetrainPanel(Workbench bench, TaskRunner tasks, Function<LoadedModel, ReviewContract> contracts, Consumer<LoadedModel> useModel,
                 Runnable afterAccept) {
        super(new BorderLayout(12, 6));
        this.bench = bench;
        this.tasks = tasks;
        this.contracts = contracts;
        this.useModel = useModel;
        this.afterAccept = afterAccept;
        result.setName("retrainResult");
        accept.setName("acceptRetrained");
        keep.setName("keepCurrent");
        revert.setName("revertModel");
        accept.addActionListener(e -> accept());
        keep.addActionListener(e -> keep());
        revert.addActionListener(e -> revert());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(accept);
        buttons.add(keep);
        buttons.add(revert);
        JPanel decision = new JPanel(new BorderLayout(0, 6));
        decision.add(result, BorderLayout.NORTH);
        decision.add(buttons, BorderLayout.CENTER);
        decision.add(changed, BorderLayout.SOUTH);
        add(decision, BorderLayout.CENTER);
        add(progress, BorderLayout.EAST);
        showButtons();
        loadHistory();
    }

    /** The rounds of earlier sessions, from {@code labels/rounds.tsv} beside the journal, back on the chart. */
    private void loadHistory() {
        Path file = bench.workspace().journal().toAbsolutePath().resolveSibling("rounds.tsv");
        tasks.run("Reading the review rounds", ctx -> RoundHistory.open(file), h -> {
            history = h;
            for (RoundHistory.Row r : h.rows()) {
                if (start == null) start = r.testBefore();
                progress.add(new HitlIteration(r.round(), r.labels(), r.corrections(), r.testAfter(), r.randomTest(),
                        r.testAfter() - start), r.testBefore());
                if (!Double.isNaN(r.randomTest())) progress.baseline(r.labels(), r.randomTest(), r.testBefore());
            }
            rounds = Math.max(rounds, h.lastRound());
            if (!h.rows().isEmpty() && pending == null) {
                RoundHistory.Row last = h.rows().get(h.rows().size() - 1);
                result.setText(String.format(Locale.ROOT, "<html>Last round (%d, %s): %d labels · validation %.2f %% → %.2f %% · test "
                                + "%.2f %% → %.2f %% · %s</html>", last.round(), Dialogs.escape(last.model()), last.labels(),
                        last.gateBefore() * 100, last.gateAfter() * 100, last.testBefore() * 100, last.testAfter() * 100,
                        switch (last.decision()) {
                            case USED -> "you used the retrained model";
                            case KEPT_CURRENT -> "you kept the model it started from";
                            case PENDING -> "not decided before the app closed (the retrained model was not kept)";
                        }));
            }
        }, e -> log(e));
    }

    private static void log(Throwable e) {
        LOG.warn("the review rounds could not be read or written", e);
    }

    /** Appends the round's new state on the journal lane (an fsync: never on the EDT). */
    private void record(RoundHistory.Row r) {
        row = r;
        RoundHistory h = history;
        if (h == null) return;
        tasks.run(TaskRunner.Lane.JOURNAL, "Saving the review round", ctx -> {
            h.record(r);
            return r;
        }, ok -> { }, RetrainPanel::log);
    }

    /** Retrains on everything the journal holds, on the training lane; the result waits for the person's decision. */
    void retrain(Runnable done) {
        LoadedModel model = bench.model();
        if (model == null) return;
        Map<Integer, Integer> answers = new LinkedHashMap<>(bench.journal().effectiveLabels());
        List<LabelEvent> drawings = bench.journal().drawings();
        int corrections = bench.journal().corrections();
        if (answers.isEmpty() && drawings.isEmpty()) {
            Dialogs.info(this, "Nothing to retrain on", "Label a few samples here, or teach drawings in the Draw tab, first.");
            done.run();
            return;
        }
        TestEvaluation known = bench.evaluationOf(model);
        int round = rounds + 1;
        result.setText("Retraining on " + answers.size() + " labels…");
        long asked = System.nanoTime();
        tasks.run(TaskRunner.Lane.TRAINING, "Retraining on " + answers.size() + " labels", ctx -> {
            ReviewContract contract = contracts.apply(model);
            Digits test = model.metadata().degradation().apply(bench.test());
            return ReviewRound.retrain(model, contract, answers, drawings, corrections, test, known == null ? null : known.predictions(),
                    RetrainRecipe.forWorkflow(contract.workflow()), round, ctx::progress, ctx.cancellation());
        }, candidate -> {
            LOG.info(String.format(Locale.ROOT, "Review round %d: %d labels, %.1f s from Retrain to the result; phases (s): %s",
                    round, candidate.labels(), (System.nanoTime() - asked) / 1e9, candidate.phases()));
            rounds = round;
            pending = candidate;
            pendingParent = model;
            if (start == null) start = candidate.before().test();
            progress.add(new HitlIteration(round, candidate.labels(), candidate.corrections(), candidate.after().test(), Double.NaN,
                    candidate.after().test() - start), candidate.before().test());
            baselineText = "The same number of random labels: measuring in the background…";
            record(new RoundHistory.Row(round, model.metadata().name(), candidate.labels(), candidate.corrections(),
                    candidate.before().validation(), candidate.after().validation(), candidate.before().test(), candidate.after().test(),
                    Double.NaN, RoundHistory.Decision.PENDING));
            changed.show(bench.test(), candidate.nowRight(), candidate.nowWrong(), predictions(candidate));
            describe();
            showButtons();
            done.run();
            baseline(model, candidate, round);
        }, e -> {
            result.setText(e instanceof CancellationException ? "Retraining cancelled: the current model is unchanged."
                    : "Retraining failed: the current model is unchanged.");
            done.run();
            if (!(e instanceof CancellationException)) Dialogs.error(this, "Retraining failed", e);
        });
    }

    private void baseline(LoadedModel model, ReviewRound.Candidate candidate, int round) {
        tasks.run(TaskRunner.Lane.TRAINING, "Random-label baseline", ctx -> {
            ReviewContract contract = contracts.apply(model);
            Digits test = model.metadata().degradation().apply(bench.test());
            return ReviewRound.randomBaseline(model, contract, candidate.labels(), test, candidate.recipe(), round, ctx::progress,
                    ctx.cancellation());
        }, b -> {
            progress.baseline(candidate.labels(), b.measure().test(), candidate.before().test());
            if (row != null && row.round() == round) record(row.withRandomTest(b.measure().test()));
            baselineText = String.format(Locale.ROOT, "The same number of random labels gave %.2f %% on validation, %.2f %% on the test set.",
                    b.measure().validation() * 100, b.measure().test() * 100);
            if (pending == candidate || rounds == round) describe(candidate);
        }, e -> {
            baselineText = e instanceof CancellationException ? "Random-label baseline cancelled." : "The random-label baseline failed.";
            describe(candidate);
        });
    }

    private static int[] predictions(ReviewRound.Candidate c) {
        return c.testScores().predictions();
    }

    private void describe() {
        describe(pending);
    }

    private void describe(ReviewRound.Candidate c) {
        if (c == null) return;
        String state = pending == c ? "<b>" + Dialogs.escape(c.verdictSentence()) + "</b>"
                : bench.model() != null && bench.model().network() == c.model().network() ? "You chose the retrained model." : "You kept the model it started from.";
        String text = String.format(Locale.ROOT, "<html>Round %d · %d labels, %d of them corrections of the model · validation "
                        + "(%,d images) <b>%.2f %% → %.2f %%</b> (%+.2f) · test <b>%.2f %% → %.2f %%</b> (%+.2f)"
                        + "<br>%s<br>%s</html>", rounds, c.labels(), c.corrections(), c.gateSize(),
                c.before().validation() * 100, c.after().validation() * 100, c.validationChange() * 100, c.before().test() * 100,
                c.after().test() * 100, c.testChange() * 100, state, Dialogs.escape(baselineText));
        result.setText(text);
    }

    /** Saves the retrained model next to the others, then makes it current and rebuilds the queue with it. */
    void accept() {
        ReviewRound.Candidate c = pending;
        if (c == null) return;
        LoadedModel old = pendingParent;
        accept.setEnabled(false);
        tasks.run("Saving the retrained model", ctx -> {
            // Looking for a free name touches the disk: on the worker, with the save.
            Path file = freeName(bench.workspace().models(), c.model().metadata().name());
            ModelFile.save(file, c.model().network(), c.model().metadata());
            return new LoadedModel(c.model().network(), c.model().metadata(), file);
        }, saved -> {
            bench.rememberEvaluation(saved, new TestEvaluation(c.testScores(), c.model().metadata().test()));
            previous = old;
            pending = null;
            if (row != null) record(row.withDecision(RoundHistory.Decision.USED));
            useModel.accept(saved);
            describe(c);
            showButtons();
            afterAccept.run();
        }, e -> {
            showButtons();
            Dialogs.error(this, "The retrained model could not be saved, so the current model stays", e);
        });
    }

    void keep() {
        ReviewRound.Candidate c = pending;
        if (c == null) return;
        pending = null;
        if (row != null) record(row.withDecision(RoundHistory.Decision.KEPT_CURRENT));
        describe(c);
        showButtons();
    }

    void revert() {
        if (previous == null) return;
        LoadedModel back = previous;
        previous = null;
        useModel.accept(back);
        result.setText("<html>Restored <b>" + Dialogs.escape(back.file() == null ? back.metadata().name() : back.file().toString())
                + "</b>. The retrained model stays saved beside it.</html>");
        showButtons();
    }

    private void showButtons() {
        boolean deciding = pending != null;
        accept.setEnabled(deciding);
        keep.setEnabled(deciding);
        accept.setText(deciding && pending.verdict() == ReviewRound.Verdict.WORSE_ON_VALIDATION
                ? "Use the retrained model anyway (worse on validation)" : "Use the retrained model");
        revert.setEnabled(previous != null && !deciding);
    }

    /** {@code models/<name>.zip}, or {@code <name>-2.zip} and so on if that is taken: an accepted model never overwrites another. */
    static Path freeName(Path folder, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9+._-]", "_");
        Path file = folder.resolve(safe + ".zip");
        for (int n = 2; Files.exists(file); n++) file = folder.resolve(safe + "-" + n + ".zip");
        return file;
    }

    /** A retrained model is waiting for a decision: closing the app would lose it. */
    boolean hasPendingCandidate() { return pending != null; }

    ReviewRound.Candidate pending() { return pending; }

    HitlProgressView progressView() { return progress; }
}
