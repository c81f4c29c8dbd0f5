package digitloop.hitl;

import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.model.Prediction;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * "Adapt to my handwriting": the current model fine-tuned on the digits a person drew and labelled in the
 * Draw tab, with a replay of its own training images so that MNIST is not forgotten. A fifth of the
 * drawings is held back, so the person sees how much better the model reads drawings it did not train on,
 * beside the MNIST test set and the review loop's gate. Like a review round, the result is only a candidate.
 */
public final class HandwritingAdaptation {
    /** Fewer drawings than this leave too few to hold back a fifth of. */
    public static final int MIN_DRAWINGS = 10;

    /** The drawings trained on and those held back to measure on. */
    public record Split(List<LabelEvent> train, List<LabelEvent> heldOut) {
    }

    /**
     * How the adapted model reads the held-back drawings, before and after.
     *
     * @param answeredBefore share of held-back drawings the current model answered (not "not sure")
     */
    public record Result(ReviewRound.Candidate candidate, Split split, double heldOutBefore, double heldOutAfter,
                         double answeredBefore, double answeredAfter) {
        public String summary() {
            return String.format(java.util.Locale.ROOT, "your %d held-back drawings: %.1f %% -> %.1f %% right (answered %.0f %% -> %.0f %%); "
                            + "MNIST test %.2f %% -> %.2f %%; validation %.2f %% -> %.2f %%", split.heldOut().size(), heldOutBefore * 100,
                    heldOutAfter * 100, answeredBefore * 100, answeredAfter * 100, candidate.before().test() * 100,
                    candidate.after().test() * 100, candidate.before().validation() * 100, candidate.after().validation() * 100);
        }
    }

    private HandwritingAdaptation() {
    }

    /** The digits drawn on the Draw tab's canvas and taught, not undone (own images labelled in the Review tab are not drawings). */
    public static List<LabelEvent> drawingsOf(LabelJournal journal) {
        return journal.drawings().stream().filter(d -> !OwnImages.isOwnImage(d.sampleId())).toList();
    }

    /**
     * Every fifth drawing, the drawings grouped by digit and shuffled within each digit (seeded): a fifth held
     * back, spread over the digits taught, so five drawings of a digit give one to measure on.
     */
    public static Split split(List<LabelEvent> drawings, long seed) {
        if (drawings.size() < MIN_DRAWINGS) {
            throw new IllegalArgumentException("Adapting needs at least " + MIN_DRAWINGS + " labelled drawings, so that a fifth can be held "
                    + "back to measure on; there are " + drawings.size() + ". Draw digits in the Draw tab and use \"Wrong? Teach it…\" "
                    + "(it works on right answers too) to add more.");
        }
        List<LabelEvent> grouped = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            final int d = digit;
            List<LabelEvent> of = drawings.stream().filter(e -> e.label() == d).sorted(Comparator.comparingInt(LabelEvent::sampleId)).toList();
            for (int k : Splits.permutation(of.size(), seed * 31 + digit)) grouped.add(of.get(k));
        }
        int offset = (int) Math.floorMod(seed, 5L);
        List<LabelEvent> train = new ArrayList<>();
        List<LabelEvent> heldOut = new ArrayList<>();
        for (int k = 0; k < grouped.size(); k++) (k % 5 == offset ? heldOut : train).add(grouped.get(k));
        return new Split(train, heldOut);
    }

    /**
     * Fine-tunes {@code current} on the training part of {@code drawings} by {@code recipe} (its replay and
     * repeat), then measures both models on the held-back part.
     */
    public static Result adapt(LoadedModel current, ReviewContract contract, List<LabelEvent> drawings, Digits test, int[] beforeTest,
                               RetrainRecipe recipe, long seed, ProgressSink progress, CancellationToken cancel) {
        Split split = split(drawings, seed);
        ReviewRound.Candidate c = ReviewRound.retrain(current, contract, Map.of(), split.train(), corrections(split.train()), test,
                beforeTest, recipe, seed, (f, m) -> progress.progress(f * 0.95, m), cancel);
        progress.progress(0.95, "Reading your held-back drawings");
        Digits held = Retrainer.humanSet(contract.answerable(), Map.of(), split.heldOut(), current.metadata().degradation(), test.side());
        double[] before = readRight(current.classifier(), held);
        double[] after = readRight(c.model().classifier(), held);
        progress.progress(1.0, "Adapted");
        return new Result(c, split, before[0], after[0], before[1], after[1]);
    }

    private static int corrections(List<LabelEvent> drawings) {
        return (int) drawings.stream().filter(LabelEvent::corrects).count();
    }

    /** Share read right and share answered (not "not sure" nor "not a digit"). */
    private static double[] readRight(Classifier classifier, Digits digits) {
        var scores = classifier.score(digits);
        int right = 0;
        int answered = 0;
        for (int i = 0; i < digits.size(); i++) {
            if (scores.argmax(i) == digits.label(i)) right++;
            Prediction p = classifier.decide(scores.probabilities()[i], scores.energy()[i]);
            if (p.verdict() == Prediction.Verdict.ANSWERED) answered++;
        }
        return new double[] {(double) right / digits.size(), (double) answered / digits.size()};
    }
}
