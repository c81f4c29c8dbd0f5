package digitloop.data;

/** Sampling and smoothing of one square grey image, for the augmentations; outside the image is blank (0). */
final class ImageOps {
    private ImageOps() {
    }

    /** The image at a fractional position, bilinearly. */
    static float bilinear(float[] img, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * at(img, side, x0, y0) + fx * (1 - fy) * at(img, side, x0 + 1, y0)
                + (1 - fx) * fy * at(img, side, x0, y0 + 1) + fx * fy * at(img, side, x0 + 1, y0 + 1));
    }

    static float at(float[] img, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0f : img[y * side + x];
    }

    /** A separable Gaussian blur of standard deviation {@code sigma} pixels, its kernel summing to 1. */
    static float[] gaussian(float[] img, int side, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) sum += kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < kernel.length; i++) kernel[i] /= (float) sum;
        float[] rows = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * at(img, side, x + k, y);
                rows[y * side + x] = v;
            }
        }
        float[] out = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * at(rows, side, x, y + k);
                out[y * side + x] = v;
            }
        }
        return out;
    }
}
