package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
    private static final GanSpec SMALL = new GanSpec(16, 8, GanLoss.LEAST_SQUARES, 16, 8, 1.0);

    @Test
    void oneEpochOnTwoThousandRealImagesGivesFiniteLossesThatMove() throws Exception {
        Digits train = TestData.train().head(2000);
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
    void realDigitsOfOneLabelVaryFarAboveTheCollapseThresholdAndCopiesOfOneDigitDoNot() {
        Digits train = TestData.train().head(2000);
        int[] labels = new int[100];
        float[] pixels = new float[100 * GanSpec.PIXELS];
        int[] taken = new int[10];
        int n = 0;
        for (int i = 0; i < train.size() && n < 100; i++) {
            int l = train.label(i);
            if (taken[l] == 10) continue;
            taken[l]++;
            labels[n] = l;
            train.copyImage(i, pixels, n++ * GanSpec.PIXELS);
        }
        double[] real = Variety.perLabel(pixels, labels);
        System.out.println("variety of 10 real digits per label: " + java.util.Arrays.toString(real));
        for (double v : real) assertTrue(v > 2.5 * Variety.COLLAPSED, java.util.Arrays.toString(real));
        float[] copies = new float[100 * GanSpec.PIXELS];
        int[] firstOf = new int[10];
        java.util.Arrays.fill(firstOf, -1);
        for (int i = 0; i < 100; i++) {
            if (firstOf[labels[i]] < 0) firstOf[labels[i]] = i;
            System.arraycopy(pixels, firstOf[labels[i]] * GanSpec.PIXELS, copies, i * GanSpec.PIXELS, GanSpec.PIXELS);
        }
        for (double v : Variety.perLabel(copies, labels)) assertTrue(v < Variety.COLLAPSED, "one image per label is collapse");
    }

    @Test
    void cancelBeforeTheFirstEpochEndsGivesNoGenerator() throws Exception {
        CancellationToken cancel = new CancellationToken();
        GanTrainingResult r = new GanTrainer(SMALL, new GanConfig(3, 40, 2e-4, 0.5, 3, 0), null).train(TestData.train().head(400), false,
                new GanListener() {
                    @Override public void onBatch(int epoch, int epochs, int batch, int batches, double secondsRemaining) {
                        if (batch == 2) cancel.cancel();
                    }
                }, cancel);
        assertEquals(GanTrainingResult.Status.CANCELLED, r.status());
        assertEquals(null, r.generator());
        assertEquals(0, r.history().size());
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
