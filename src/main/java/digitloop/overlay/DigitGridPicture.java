package digitloop.overlay;

import java.awt.image.BufferedImage;

/**
 * Grey pixels in [0, 1] (ink bright, as the engine keeps digits) as a picture: white ink on black the way MNIST
 * stores it, each pixel {@code scale} × {@code scale}. Both front ends write the GAN's grids with it.
 */
public final class DigitGridPicture {
    private DigitGridPicture() {
    }

    public static BufferedImage of(float[] pixels, int width, int height, int scale) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                float v = pixels[(y / scale) * width + x / scale];
                int grey = Math.round(Math.max(0, Math.min(1, v)) * 255);
                image.setRGB(x, y, 0xff000000 | grey << 16 | grey << 8 | grey);
            }
        }
        return image;
    }
}
