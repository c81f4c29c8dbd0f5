package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
    private static final GanSpec SMALL = new GanSpec(16, 8, GanLoss.LEAST_SQUARES, 16, 8);

    @Test
    void oneEpochOnTwoThousandRealImagesGivesFiniteLossesThatMove() throws Exception {
        Digits train = TestData.train().head(2000);
        List<Double> dLosses = new ArrayList<>();
        GanTrainingResult result = new GanTrainer(SMALL, new GanConfig(2, 50, 2e-4, 0.5, 7, 0), null)
                .train(train, false, GanListener.NONE, CancellationToken.none());
        assertEquals(GanTrainingResult.Status.COMPLETED, result.status(), result.message());
        assertEquals(2, result.history().size());
        GanEpoch first = result.history().get(0);
        GanEpoch second = result.history().get(1);
        System.out.println(result.history() + " in " + result.seconds() + " s");
        assertTrue(first.finite() && second.finite(), result.history().toString());
        assertNotEquals(first.generatorLoss(), second.generatorLoss());
        assertNotEquals(first.discriminatorLoss(), second.discriminatorLoss());
    }

    @Test
    void generatorDrawsTwentyEightSquaredImagesInTheUnitRangeAndTheSameSeedGivesTheSameRun() throws Exception {
        Digits train = TestData.train().head(400);
        GanConfig config = new GanConfig(1, 40, 2e-4, 0.5, 3, 0);
        Generator a = new GanTrainer(SMALL, config, null).train(train, false, GanListener.NONE, CancellationToken.none()).generator();
        Generator b = new GanTrainer(SMALL, config, null).train(train, false, GanListener.NONE, CancellationToken.none()).generator();
        float[] images = a.generateAll(3, 11, 1.0, false);
        assertEquals(30 * 784, images.length);
        for (float v : images) assertTrue(v >= 0 && v <= 1, "pixel " + v);
        assertArrayEquals(images, b.generateAll(3, 11, 1.0, false), 1e-5f);
    }
}
