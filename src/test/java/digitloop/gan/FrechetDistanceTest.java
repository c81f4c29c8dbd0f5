package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    private static float[][] gaussian(int n, int d, double mean, double sd, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) for (int i = 0; i < d; i++) row[i] = (float) (mean + sd * r.nextGaussian());
        return x;
    }

    @Test
    void twoSamplesOfOneGaussianAreCloseAndAShiftedMeanAddsItsSquaredLength() {
        float[][] a = gaussian(4000, 8, 0, 1, 1);
        float[][] b = gaussian(4000, 8, 0, 1, 2);
        float[][] shifted = gaussian(4000, 8, 0.5, 1, 3);
        double same = FrechetDistance.between(a, b);
        assertTrue(same >= -1e-6 && same < 0.05, "same distribution: " + same);
        // 8 dimensions shifted by 0.5: |Δμ|² = 2.
        assertEquals(2.0, FrechetDistance.between(a, shifted), 0.15);
        assertEquals(0, FrechetDistance.between(a, a), 1e-6, "a set against itself");
    }

    @Test
    void aWiderSpreadCountsAsTheSquaredDifferenceOfTheDeviations() {
        float[][] a = gaussian(4000, 4, 0, 1, 4);
        float[][] wide = gaussian(4000, 4, 0, 2, 5);
        // For isotropic Gaussians: d (σa − σb)² = 4.
        assertEquals(4.0, FrechetDistance.between(a, wide), 0.3);
    }
}
