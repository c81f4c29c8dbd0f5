package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RetrainRecipeTest {
    @Test
    void aSmallStartRetrainTakesTwiceTheAlCurvesPassesWithinItsStepBounds() {
        RetrainRecipe r = RetrainRecipe.SMALL_START;
        assertEquals(2000, r.stepsFromScratch(1000), "the start model: 128 passes over its 1,000 labels");
        assertEquals(3000, r.stepsFromScratch(1500), "ten rounds of 50 later: 128 passes, not cut");
        assertEquals(4000, r.stepsFromScratch(4000), "capped");
        assertEquals(AlCurveProtocol.MIN_STEPS, r.stepsFromScratch(20), "a tiny set still gets the minimum");
        assertEquals(1000, r.withMaxSteps(1000).withPasses(AlCurveProtocol.PASSES).stepsFromScratch(1500), "the al-curve's own recipe, for comparison runs");
    }
}
