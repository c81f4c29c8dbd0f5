package digitloop.hitl;

/**
 * One round of the loop, as reported.
 *
 * @param labelsGiven            labels answered so far (cumulative)
 * @param corrections            of those, answers that differed from the model's guess
 * @param randomBaselineAccuracy test accuracy of the same budget spent on random pool samples
 * @param gainSinceStart         test accuracy now minus before the first human label
 */
public record HitlIteration(int iteration, int labelsGiven, int corrections, double testAccuracy,
                            double randomBaselineAccuracy, double gainSinceStart) {
}
