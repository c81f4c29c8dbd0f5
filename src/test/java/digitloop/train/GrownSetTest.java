package digitloop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Augmentation;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.MlpSpec;
import digitloop.task.CancellationToken;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** "Grown once" augmentation: the set gets changed copies before training, instead of changes on the fly. */
class GrownSetTest {
    @Test
    void copiesKeepTheirOriginalsLabelAndIdAndDiffer() {
        Digits d = TestData.train().head(200);
        Digits grown = Augmentation.STANDARD.extend(d, 2, 5);
        assertEquals(600, grown.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(d.label(i), grown.label(400 + i));
            assertEquals(d.id(i), grown.id(200 + i));
        }
        float[] a = new float[784];
        float[] b = new float[784];
        d.copyImage(7, a, 0);
        grown.copyImage(207, b, 0);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b), "a copy is a changed image");
        assertSame(d, Augmentation.NONE.extend(d, 3, 5), "nothing to change: nothing to grow");
    }

    @Test
    void aGrownSetTrainsOnThreeTimesTheBatchesWithoutChangingThemAgain() {
        Digits train = TestData.train().head(640);
        Digits validation = TestData.train().subset(java.util.stream.IntStream.range(50_000, 50_500).toArray());
        AtomicInteger batches = new AtomicInteger();
        TrainingListener count = new TrainingListener() {
            @Override public void onStart(int totalEpochs, int batchesPerEpoch) { batches.set(batchesPerEpoch); }
        };
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(1).withAugmentation(Augmentation.STANDARD.withCopies(2));
        TrainingResult r = new Trainer(config).train(new MlpSpec(List.of(64), "relu", 0), Degradation.NONE, train, validation, count,
                CancellationToken.none());
        assertEquals(30, batches.get(), "640 images and 2 copies each in batches of 64");
        assertEquals(640, r.model().metadata().training().trainSize(), "the sidecar counts the images given, not the copies");
        assertTrue(r.model().metadata().training().augmentation().contains("grown once by 2 copies"), r.model().metadata().training().augmentation());
    }
}
