package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An image reduced to ink intensity in [0, 1] (1 = full ink), whatever its polarity: dark ink on
 * a light page is inverted, transparent pixels count as page, and the page's own grey level is
 * subtracted so a uniform image has no ink at all.
 */
record InkImage(float[] ink, int width, int height, boolean inverted) {

    static InkImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] lum = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = (p >>> 24) / 255f;
            float l = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
            // Transparent means page; a drawing app's transparent canvas is white paper.
            lum[i] = a * l + (1 - a);
        }
        float page = borderMedian(lum, w, h);
        boolean inverted = page > 0.5f;
        float[] ink = new float[w * h];
        float background = inverted ? 1 - page : page;
        float range = Math.max(1 - background, 1e-3f);
        for (int i = 0; i < lum.length; i++) {
            float v = inverted ? 1 - lum[i] : lum[i];
            float scaled = (v - background) / range;
            ink[i] = scaled <= 0 ? 0 : Math.min(scaled, 1);
        }
        return new InkImage(ink, w, h, inverted);
    }

    /** The page colour: the median of the border pixels, which a centred digit rarely touches. */
    private static float borderMedian(float[] lum, int w, int h) {
        int count = h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2);
        float[] border = new float[count];
        int k = 0;
        for (int x = 0; x < w && k < count; x++) {
            border[k++] = lum[x];
            if (h > 1 && k < count) border[k++] = lum[(h - 1) * w + x];
        }
        for (int y = 1; y < h - 1 && k < count; y++) {
            border[k++] = lum[y * w];
            if (w > 1 && k < count) border[k++] = lum[y * w + w - 1];
        }
        Arrays.sort(border, 0, k);
        return border[k / 2];
    }

    float at(int x, int y) {
        return ink[y * width + x];
    }
}
