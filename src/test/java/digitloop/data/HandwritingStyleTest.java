package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each style changes a real MNIST digit the way its name says, and only when it is on. */
class HandwritingStyleTest {
    private static final int SIDE = 28;

    @Test
    void shearSlantsAndAspectWidens() {
        float[] one = firstOf(1);
        // Ink x-centre of the top rows minus that of the bottom rows: a shear of 0.3 moves the top left by ~0.3 px per row.
        double before = slant(one);
        double sheared = slant(HandwritingStyle.affine(one, SIDE, 0.3, 1));
        assertTrue(sheared - before < -3, "top moved left by " + (sheared - before) + " px against the bottom");
        float[] zero = firstOf(0);
        assertTrue(inkWidth(HandwritingStyle.affine(zero, SIDE, 0, 1.25)) > inkWidth(zero) + 2);
        assertTrue(inkWidth(HandwritingStyle.affine(zero, SIDE, 0, 0.75)) < inkWidth(zero) - 2);
    }

    @Test
    void strokesThickenAndThinAndBlurAndFadeDoWhatTheySay() {
        float[] seven = firstOf(7);
        double mass = mass(seven);
        assertTrue(mass(HandwritingStyle.strokeWidth(seven, SIDE, 1)) > 1.4 * mass, "a pixel thicker");
        assertTrue(mass(HandwritingStyle.strokeWidth(seven, SIDE, -1)) < 0.7 * mass, "a pixel thinner");
        float[] blurred = ImageOps.gaussian(seven, SIDE, 1);
        assertEquals(mass, mass(blurred), 0.02 * mass, "a blur keeps the ink");
        assertTrue(max(blurred) < 0.9 * max(seven), "and softens it");
        float[] faded = seven.clone();
        new HandwritingStyle(0, 0, 0, 0, 0, 0.5).apply(faded, 0, SIDE, new SplittableRandom(1));
        assertTrue(max(faded) <= max(seven) && max(faded) >= 0.5f * max(seven));
    }

    @Test
    void elasticWobblesButKeepsTheDigit() {
        float[] three = firstOf(3);
        float[] wobbly = HandwritingStyle.elastic(three, SIDE, 34, 4, new SplittableRandom(5));
        double moved = 0;
        for (int i = 0; i < three.length; i++) moved += Math.abs(three[i] - wobbly[i]);
        assertTrue(moved > 0.1 * mass(three), "strokes moved");
        assertEquals(mass(three), mass(wobbly), 0.25 * mass(three), "about the same ink");
    }

    @Test
    void offMeansTheOldSequenceAndOnIsSeeded() {
        Digits d = TestData.test().head(16);
        float[] a = pixels(d);
        float[] b = pixels(d);
        Augmentation.STANDARD.apply(a, d.size(), SIDE, new SplittableRandom(9));
        Augmentation.STANDARD.withStyle(HandwritingStyle.NONE).apply(b, d.size(), SIDE, new SplittableRandom(9));
        assertArrayEquals(a, b, "no style: the standard augmentation's exact sequence");
        float[] c = pixels(d);
        float[] e = pixels(d);
        Augmentation styled = Augmentation.STANDARD.withStyle(HandwritingStyle.ALL);
        styled.apply(c, d.size(), SIDE, new SplittableRandom(9));
        styled.apply(e, d.size(), SIDE, new SplittableRandom(9));
        assertArrayEquals(c, e, "the same seed, the same images");
        assertFalse(java.util.Arrays.equals(a, c));
        assertEquals("shift ±2 px, rotate ±10°, shear ±0.30, aspect ±25 %, elastic α 30, stroke ±0.6 px, blur ≤ 0.7 px, fade ≤ 30 %",
                styled.describe());
        assertEquals("stroke ±1.0 px", Augmentation.NONE.withStyle(new HandwritingStyle(0, 0, 0, 1, 0, 0)).describe());
        assertThrows(IllegalArgumentException.class, () -> new HandwritingStyle(0, 0, 0, 5, 0, 0));
    }

    @Test
    void extendingTheSetAddsSeededCopiesWithTheirLabels() {
        Digits d = TestData.test().head(50);
        Augmentation styled = Augmentation.STANDARD.withStyle(HandwritingStyle.ALL);
        Digits grown = styled.extend(d, 2, 3);
        assertEquals(150, grown.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(d.label(i), grown.label(50 + i));
            assertEquals(d.label(i), grown.label(100 + i));
            assertArrayEquals(d.image(i), grown.image(i), "the originals come first, unchanged");
        }
        assertArrayEquals(pixels(grown), pixels(styled.extend(d, 2, 3)), "seeded");
    }

    private static float[] firstOf(int label) {
        Digits t = TestData.test();
        for (int i = 0; i < t.size(); i++) if (t.label(i) == label) return t.image(i);
        throw new AssertionError();
    }

    private static float[] pixels(Digits d) {
        float[] p = new float[d.size() * d.pixelsPerImage()];
        for (int i = 0; i < d.size(); i++) d.copyImage(i, p, i * d.pixelsPerImage());
        return p;
    }

    private static double mass(float[] img) {
        double m = 0;
        for (float v : img) m += v;
        return m;
    }

    private static float max(float[] img) {
        float m = 0;
        for (float v : img) m = Math.max(m, v);
        return m;
    }

    private static int inkWidth(float[] img) {
        int min = SIDE, max = -1;
        for (int y = 0; y < SIDE; y++) for (int x = 0; x < SIDE; x++) if (img[y * SIDE + x] > 0.3f) { min = Math.min(min, x); max = Math.max(max, x); }
        return max - min;
    }

    /** Ink x-centre of rows 4-11 minus that of rows 16-23. */
    private static double slant(float[] img) {
        return centreX(img, 4, 12) - centreX(img, 16, 24);
    }

    private static double centreX(float[] img, int from, int to) {
        double m = 0, mx = 0;
        for (int y = from; y < to; y++) for (int x = 0; x < SIDE; x++) { m += img[y * SIDE + x]; mx += x * img[y * SIDE + x]; }
        return mx / m;
    }
}
