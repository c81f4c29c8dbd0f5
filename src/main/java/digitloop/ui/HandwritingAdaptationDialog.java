package digitloop.ui;

import digitloop.data.Digits;
import digitloop.hitl.HandwritingAdaptation;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.Component;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.JOptionPane;

/**
 * The Draw tab's "Adapt to my handwriting": the fine-tune runs on the training lane with the status bar's
 * progress and Cancel, then the person sees before/after on their held-back drawings, MNIST and validation,
 * and chooses. The adapted model is only saved and made current when they say so.
 */
final class HandwritingAdaptationDialog {
    private HandwritingAdaptationDialog() {
    }

    static void start(Component parent, Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel) {
        LoadedModel model = bench.model();
        if (model == null) {
            Dialogs.info(parent, "No model yet", "Train a model in the Train tab, or open one, first.");
            return;
        }
        List<LabelEvent> drawings = HandwritingAdaptation.drawingsOf(bench.journal());
        if (drawings.size() < HandwritingAdaptation.MIN_DRAWINGS) {
            Dialogs.info(parent, "A few more drawings first", String.format(Locale.ROOT, "You have taught %d drawing%s. Adapting needs at "
                            + "least %d, so that a fifth can be held back to show what the adapted model reads better. Draw a digit, then "
                            + "\"Wrong? Teach it…\" (it works on right answers too); five of each digit you write your own way is a good start.",
                    drawings.size(), drawings.size() == 1 ? "" : "s", HandwritingAdaptation.MIN_DRAWINGS));
            return;
        }
        TestEvaluation known = bench.evaluationOf(model);
        tasks.run(TaskRunner.Lane.TRAINING, "Adapting to your handwriting (" + drawings.size() + " drawings)", ctx -> {
            Digits train = model.metadata().degradation().apply(bench.train());
            Digits test = model.metadata().degradation().apply(bench.test());
            ReviewContract contract = ReviewContract.of(model.metadata(), train);
            return HandwritingAdaptation.adapt(model, contract, drawings, test, known == null ? null : known.predictions(),
                    RetrainRecipe.ADAPT, 1, ctx::progress, ctx.cancellation());
        }, result -> decide(parent, bench, tasks, useModel, model, result), e -> {
            if (!(e instanceof java.util.concurrent.CancellationException)) Dialogs.error(parent, "Adapting failed: the current model is unchanged", e);
        });
    }

    private static void decide(Component parent, Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel, LoadedModel old,
                               HandwritingAdaptation.Result r) {
        var c = r.candidate();
        String text = String.format(Locale.ROOT, "<html><body style='width: 460px'>Trained on %d of your drawings, %d held back.<br><br>"
                        + "<b>Your held-back drawings: %.0f %% → %.0f %% read right</b> (answered, not \"not sure\": %.0f %% → %.0f %%)<br>"
                        + "MNIST test set: %.2f %% → %.2f %%<br>Validation (%,d images no model trained on): %.2f %% → %.2f %%<br><br>%s"
                        + "<br><br>%s</body></html>", r.split().train().size(), r.split().heldOut().size(), r.heldOutBefore() * 100,
                r.heldOutAfter() * 100, r.answeredBefore() * 100, r.answeredAfter() * 100, c.before().test() * 100, c.after().test() * 100,
                c.gateSize(), c.before().validation() * 100, c.after().validation() * 100, Dialogs.escape(c.verdictSentence()),
                "The model you have now stays in the models folder either way.");
        Object[] options = {"Use the adapted model", "Keep the current model"};
        int choice = JOptionPane.showOptionDialog(parent, text, "Adapted to your handwriting", JOptionPane.DEFAULT_OPTION,
                JOptionPane.QUESTION_MESSAGE, null, options, options[c.verdict() == digitloop.hitl.ReviewRound.Verdict.NOT_WORSE ? 0 : 1]);
        if (choice != 0) return;
        String name = old.metadata().name() + "+my-handwriting";
        LoadedModel adapted = new LoadedModel(c.model().network(), c.model().metadata().withName(name), null);
        tasks.run("Saving the adapted model", ctx -> {
            Path file = RetrainPanel.freeName(bench.workspace().models(), name);
            java.nio.file.Files.createDirectories(file.getParent());
            ModelFile.save(file, adapted.network(), adapted.metadata());
            return new LoadedModel(adapted.network(), adapted.metadata(), file);
        }, saved -> {
            bench.rememberEvaluation(saved, new TestEvaluation(c.testScores(), saved.metadata().test()));
            useModel.accept(saved);
        }, e -> Dialogs.error(parent, "The adapted model could not be saved, so the current model stays", e));
    }
}
