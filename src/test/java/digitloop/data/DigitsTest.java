package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigitsTest {
    /** Three 2x2 images; every pixel of image i is (i + 1) / 10. */
    private static Digits three() {
        float[] pixels = {.1f, .1f, .1f, .1f, .2f, .2f, .2f, .2f, .3f, .3f, .3f, .3f};
        return Digits.of(pixels, 2, new int[] {7, 8, 9}, new int[] {100, 101, 102});
    }

    @Test
    void ofCopiesItsArguments() {
        float[] pixels = new float[4];
        int[] labels = {3};
        int[] ids = {5};
        Digits digits = Digits.of(pixels, 2, labels, ids);

        pixels[0] = 1;
        labels[0] = 4;
        ids[0] = 6;

        assertEquals(0, digits.image(0)[0]);
        assertEquals(3, digits.label(0));
        assertEquals(5, digits.id(0));
    }

    @Test
    void accessorsHandOutCopies() {
        Digits digits = three();

        digits.image(0)[0] = 1;
        digits.labels()[0] = 0;
        digits.ids()[0] = 0;

        assertEquals(.1f, digits.image(0)[0]);
        assertEquals(7, digits.label(0));
        assertEquals(100, digits.id(0));
    }

    @Test
    void subsetKeepsTheGivenOrderWithPixelsLabelsAndIds() {
        Digits sub = three().subset(new int[] {2, 0});

        assertEquals(2, sub.size());
        assertArrayEquals(new int[] {9, 7}, sub.labels());
        assertArrayEquals(new int[] {102, 100}, sub.ids());
        assertArrayEquals(new float[] {.3f, .3f, .3f, .3f}, sub.image(0));
        assertArrayEquals(new float[] {.1f, .1f, .1f, .1f}, sub.image(1));
    }

    @Test
    void headTakesTheFirstSamplesAndNoMoreThanThereAre() {
        assertArrayEquals(new int[] {100, 101}, three().head(2).ids());
        assertEquals(3, three().head(10).size());
    }

    @Test
    void concatAppendsTheOtherSet() {
        Digits both = three().concat(three().subset(new int[] {1}));

        assertEquals(4, both.size());
        assertArrayEquals(new int[] {7, 8, 9, 8}, both.labels());
        assertArrayEquals(new int[] {100, 101, 102, 101}, both.ids());
        assertArrayEquals(new float[] {.2f, .2f, .2f, .2f}, both.image(3));
    }

    @Test
    void concatOfDifferentSidesIsRefused() {
        Digits small = Digits.of(new float[1], 1, new int[] {0}, new int[] {0});

        assertThrows(IllegalArgumentException.class, () -> three().concat(small));
    }

    @Test
    void withLabelsAndWithPixelsLeaveTheOriginalAlone() {
        Digits digits = three();

        Digits relabeled = digits.withLabels(new int[] {1, 2, 3});
        Digits repixeled = digits.withPixels(new float[] {.5f, .6f, .7f}, 1);

        assertArrayEquals(new int[] {1, 2, 3}, relabeled.labels());
        assertArrayEquals(digits.ids(), relabeled.ids());
        assertEquals(1, repixeled.side());
        assertArrayEquals(new float[] {.6f}, repixeled.image(1));
        assertArrayEquals(new int[] {7, 8, 9}, digits.labels());
        assertEquals(2, digits.side());
        assertArrayEquals(new float[] {.2f, .2f, .2f, .2f}, digits.image(1));
    }

    @Test
    void copyImageWritesIntoABatchAtAnOffset() {
        float[] batch = new float[9];

        three().copyImage(2, batch, 5);

        assertArrayEquals(new float[] {0, 0, 0, 0, 0, .3f, .3f, .3f, .3f}, batch);
    }

    @Test
    void mismatchedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Digits.of(new float[5], 2, new int[] {0}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Digits.of(new float[4], 2, new int[] {0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> three().withLabels(new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> three().withPixels(new float[4], 1));
    }

    @Test
    void consecutiveIdsStartAtTheFirstId() {
        assertArrayEquals(new int[] {60_000, 60_001, 60_002}, Digits.consecutiveIds(3, 60_000));
    }
}
