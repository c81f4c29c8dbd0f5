package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DegradationTest {
    private static final Degradation NOISE = new Degradation(0.12, false, 42);

    @Test
    void theSameSeedAndIdGiveTheSameNoise() {
        float[] image = randomImage(1);

        assertArrayEquals(NOISE.apply(image, 28, 17), NOISE.apply(image, 28, 17));
        assertArrayEquals(NOISE.apply(image, 28, 17), new Degradation(0.12, false, 42).apply(image, 28, 17));
    }

    @Test
    void aSampleGetsTheSameNoiseWhereverItSitsInTheSet() {
        Digits digits = IdxTestFiles.randomDigits(3, 500, 2);
        Digits reordered = digits.subset(new int[] {2, 0, 1});

        Digits a = NOISE.apply(digits);
        Digits b = NOISE.apply(reordered);

        assertArrayEquals(a.image(2), b.image(0));
        assertArrayEquals(NOISE.apply(digits.image(1), 28, 501), a.image(1));
    }

    @Test
    void differentIdsGetDifferentNoise() {
        float[] grey = filled(0.5f);

        assertFalse(Arrays.equals(NOISE.apply(grey, 28, 1), NOISE.apply(grey, 28, 2)));
    }

    @Test
    void differentSeedsGiveDifferentNoise() {
        float[] grey = filled(0.5f);

        assertFalse(Arrays.equals(NOISE.apply(grey, 28, 1), new Degradation(0.12, false, 43).apply(grey, 28, 1)));
    }

    @Test
    void valuesStayInTheUnitRangeEvenWithStrongNoise() {
        float[] out = new Degradation(0.8, false, 42).apply(randomImage(3), 28, 9);

        boolean clippedLow = false;
        boolean clippedHigh = false;
        for (float v : out) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
            clippedLow |= v == 0;
            clippedHigh |= v == 1;
        }
        assertTrue(clippedLow && clippedHigh, "strong noise reaches both ends");
    }

    @Test
    void noiseOnMidGreyHasTheGivenStandardDeviationAndNoBias() {
        // 0.5 is over 4 sigma from either clip bound, so clipping changes the moments by < 1e-4.
        int images = 100;
        double sum = 0;
        double sumSquares = 0;
        for (int id = 0; id < images; id++) {
            for (float v : NOISE.apply(filled(0.5f), 28, id)) {
                double d = v - 0.5;
                sum += d;
                sumSquares += d * d;
            }
        }
        int n = images * 784;
        double mean = sum / n;
        double std = Math.sqrt(sumSquares / n - mean * mean);
        assertEquals(0.12, std, 0.12 * 0.02, "std of the noise");
        assertEquals(0, mean, 0.002, "mean of the noise");
    }

    @Test
    void downsamplingGives14By14TwoByTwoAveragesThatKeepTheMean() {
        float[] image = randomImage(4);

        float[] pooled = Degradation.downsampled().apply(image, 28, 0);

        assertEquals(14 * 14, pooled.length);
        assertEquals((image[0] + image[1] + image[28] + image[29]) / 4f, pooled[0], 1e-7);
        int p = 2 * 5 * 28 + 2 * 9;
        assertEquals((image[p] + image[p + 1] + image[p + 28] + image[p + 29]) / 4f, pooled[5 * 14 + 9], 1e-7);
        assertEquals(mean(image), mean(pooled), 1e-5);
    }

    @Test
    void aDegradedSetKeepsIdsAndLabelsAndHasTheNewSide() {
        Digits digits = IdxTestFiles.randomDigits(4, 10, 5);

        Digits out = new Degradation(0.3, true, 42).apply(digits);

        assertEquals(14, out.side());
        assertArrayEquals(digits.ids(), out.ids());
        assertArrayEquals(digits.labels(), out.labels());
        for (int i = 0; i < out.size(); i++) {
            for (float v : out.image(i)) assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void noDegradationReturnsTheSameSet() {
        Digits digits = IdxTestFiles.randomDigits(2, 0, 6);

        assertSame(digits, Degradation.NONE.apply(digits));
        assertTrue(Degradation.NONE.changesNothing());
        assertEquals(28, Degradation.NONE.outputSide(28));
    }

    @Test
    void labelsNameTheDegradationForFilesAndTables() {
        assertEquals("clean", Degradation.NONE.label());
        assertEquals("noise0.12", Degradation.noise(0.12).label());
        assertEquals("14x14", Degradation.downsampled().label());
        assertEquals("14x14+noise0.3", new Degradation(0.3, true, 1).label());
    }

    @Test
    void aNegativeOrNonFiniteSigmaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Degradation.noise(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Degradation.noise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Degradation.noise(Double.POSITIVE_INFINITY));
    }

    @Test
    void applyingToOneImageLeavesTheInputUnchanged() {
        float[] image = randomImage(7);
        float[] copy = image.clone();

        new Degradation(0.3, true, 42).apply(image, 28, 3);

        assertArrayEquals(copy, image);
    }

    private static float[] filled(float value) {
        float[] image = new float[784];
        Arrays.fill(image, value);
        return image;
    }

    private static float[] randomImage(long seed) {
        Random random = new Random(seed);
        float[] image = new float[784];
        for (int i = 0; i < image.length; i++) image[i] = random.nextFloat();
        return image;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) sum += v;
        return sum / values.length;
    }
}
