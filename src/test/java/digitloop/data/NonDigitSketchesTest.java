package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonDigitSketchesTest {

    @Test
    void theSameSeedDrawsTheSameSketches() {
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) assertArrayEquals(NonDigitSketches.draw(a), NonDigitSketches.draw(b));
    }

    @Test
    void everyKindIsPlacedLikeAnMnistDigit() {
        SplittableRandom random = new SplittableRandom(3);
        for (NonDigitSketches.Kind kind : NonDigitSketches.Kind.values()) {
            for (int n = 0; n < 50; n++) {
                float[] image = NonDigitSketches.draw(kind, random);
                assertEquals(28 * 28, image.length);
                double mass = 0, mx = 0, my = 0;
                int minX = 28, maxX = -1, minY = 28, maxY = -1;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        float v = image[y * 28 + x];
                        assertTrue(v >= 0 && v <= 1, kind + ": pixel " + v);
                        if (v > 0) {
                            mass += v;
                            mx += v * (x + 0.5);
                            my += v * (y + 0.5);
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                        }
                    }
                }
                assertTrue(mass > 5, kind + " has ink");
                assertTrue(Math.max(maxX - minX, maxY - minY) + 1 <= 20, kind + " fits MNIST's 20-pixel box");
                assertEquals(14, mx / mass, 1.0, kind + ": centre of mass x");
                assertEquals(14, my / mass, 1.0, kind + ": centre of mass y");
            }
        }
    }
}
