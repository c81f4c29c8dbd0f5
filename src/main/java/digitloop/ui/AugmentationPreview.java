package digitloop.ui;

import digitloop.data.Augmentation;
import digitloop.data.Digits;
import digitloop.gan.SampleGrid;
import digitloop.overlay.DigitGridPicture;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * What an augmentation does to training images, before a run is spent on it: one row per digit, the
 * image as it is first, then {@link #VARIANTS} draws of the augmentation, seeded so the picture is the
 * same each time it is asked for.
 */
final class AugmentationPreview {
    static final int VARIANTS = 11;

    private AugmentationPreview() {
    }

    /** The first training image of each digit and its variants, 3 screen pixels per image pixel. */
    static BufferedImage of(Digits train, Augmentation augmentation, long seed) {
        int side = train.side();
        int n = side * side;
        int columns = VARIANTS + 1;
        float[] cells = new float[10 * columns * n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int digit = 0; digit < 10; digit++) {
            float[] original = train.image(firstOf(train, digit));
            float[] variants = new float[VARIANTS * n];
            for (int v = 0; v < VARIANTS; v++) System.arraycopy(original, 0, variants, v * n, n);
            augmentation.apply(variants, VARIANTS, side, random);
            System.arraycopy(original, 0, cells, digit * columns * n, n);
            System.arraycopy(variants, 0, cells, (digit * columns + 1) * n, VARIANTS * n);
        }
        SampleGrid grid = SampleGrid.tile(cells, columns);
        return DigitGridPicture.of(grid.pixels(), grid.width(), grid.height(), 3);
    }

    private static int firstOf(Digits d, int label) {
        for (int i = 0; i < d.size(); i++) if (d.label(i) == label) return i;
        throw new IllegalArgumentException("no training image of the digit " + label);
    }
}
