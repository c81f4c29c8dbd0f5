package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitloop.model.Scores;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void trustedThresholdIsTheLowestConfidenceAboveWhichAnswersAreRightEnough() {
        // 2,000 right answers at 0.9 and above, one wrong at 0.95, then wrong ones at 0.6.
        int n = 2003;
        float[][] p = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < 2000; i++) {
            p[i] = probs(0, 0.9f + 0.05f * (i % 3) / 2);
            labels[i] = 0;
        }
        p[2000] = probs(1, 0.95f);
        labels[2000] = 0;
        p[2001] = probs(1, 0.6f);
        labels[2001] = 0;
        p[2002] = probs(1, 0.6f);
        labels[2002] = 0;

        double t = Thresholds.trusted(new Scores(p, new float[n]), labels);

        // With 0.9 included the answered set is 2000/2001 right (99.95 %); adding 0.6 drops below 99.9 %.
        assertEquals(0.9, t, 1e-6);
    }

    @Test
    void energyThresholdAcceptsTheChosenShareOfValidationDigits() {
        float[] energy = new float[1000];
        for (int i = 0; i < energy.length; i++) energy[i] = -i;
        double threshold = Thresholds.energy(new Scores(new float[1000][10], energy));
        long accepted = 0;
        for (float e : energy) if (e <= threshold) accepted++;
        assertEquals(995, accepted);
    }

    private static float[] probs(int label, float p) {
        float[] v = new float[10];
        v[label] = p;
        v[(label + 1) % 10] = 1 - p;
        return v;
    }
}
