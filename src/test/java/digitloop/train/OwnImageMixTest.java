package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Own images mixed into training at a share: every image about equally often, MNIST's images all kept. */
class OwnImageMixTest {

    @Test
    void ownImagesMakeTheChosenShareAndEachAppearsAboutEquallyOften() {
        Digits mnist = TestData.train().head(5400);
        Digits own = TestData.test().head(70);
        Digits ownWithIds = Digits.of(flat(own), 28, own.labels(), Digits.consecutiveIds(70, 100_000_000));

        Digits mixed = new OwnImageMix(ownWithIds, 0.2).mixInto(mnist, 7);

        int copies = mixed.size() - mnist.size();
        assertEquals(1350, copies, "0.2 / 0.8 of 5,400");
        for (int i = 0; i < mnist.size(); i++) assertEquals(mnist.id(i), mixed.id(i));
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = mnist.size(); i < mixed.size(); i++) seen.merge(mixed.id(i), 1, Integer::sum);
        assertEquals(70, seen.size(), "every own image is in");
        // 1,350 = 19 x 70 + 20: each image 19 or 20 times.
        assertTrue(seen.values().stream().allMatch(n -> n == 19 || n == 20), seen.toString());
        assertEquals(20, seen.values().stream().filter(n -> n == 20).count());
        int k = mnist.size();
        int id = mixed.id(k);
        int j = java.util.Arrays.stream(ownWithIds.ids()).boxed().toList().indexOf(id);
        assertEquals(ownWithIds.label(j), mixed.label(k), "an image keeps its label");
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        Digits own = TestData.test().head(3);
        assertThrows(IllegalArgumentException.class, () -> new OwnImageMix(own, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new OwnImageMix(own, 0));
    }

    private static float[] flat(Digits d) {
        float[] p = new float[d.size() * d.pixelsPerImage()];
        for (int i = 0; i < d.size(); i++) d.copyImage(i, p, i * d.pixelsPerImage());
        return p;
    }
}
