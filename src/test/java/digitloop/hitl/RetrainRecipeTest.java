package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RetrainRecipeTest {
    @Test
    void aSmallStartRetrainTakesSixtyFourPassesWithinItsStepBounds() {
        RetrainRecipe r = RetrainRecipe.SMALL_START;
        assertEquals(1000, r.stepsFromScratch(1000), "the start model: the al-curve's 1,000 steps");
        assertEquals(1500, r.stepsFromScratch(1500), "ten rounds of 50 later: 64 passes, no longer cut to 43");
        assertEquals(2000, r.stepsFromScratch(4000), "capped");
        assertEquals(AlCurveProtocol.MIN_STEPS, r.stepsFromScratch(20), "a tiny set still gets the minimum");
        assertEquals(1000, r.withMaxSteps(1000).stepsFromScratch(1500), "the al-curve's own cap, for comparison runs");
    }
}
