package digitloop;

import digitloop.data.Digits;
import java.awt.image.BufferedImage;

/** Real digits as a person's scans would be: large, dark ink on white paper. */
public final class TestImages {
    private TestImages() {
    }

    /** Digit {@code i} of {@code digits} as a 112 px scan. */
    public static BufferedImage scan(Digits digits, int i) {
        float[] p = digits.image(i);
        BufferedImage img = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                int v = 255 - Math.round(p[(y / 4) * 28 + x / 4] * 255);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
