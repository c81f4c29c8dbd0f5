package digitloop.data;

/** Where MNIST puts a digit in its 28x28 field: by the centre of mass of the ink (LeCun et al.). */
public final class MnistPlacement {
    public static final int SIDE = 28;

    private MnistPlacement() {
    }

    /**
     * Places a {@code w}x{@code h} box of ink in a new 28x28 image, shifted by whole pixels so its
     * intensity-weighted centre of mass sits at (14, 14) (pixel centres at +0.5); the shift is
     * clamped so the box never leaves the field.
     */
    public static float[] centreByMass(float[] box, int w, int h) {
        double mass = 0, sx = 0, sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = box[y * w + x];
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        double cx = mass > 0 ? sx / mass : w / 2.0;
        double cy = mass > 0 ? sy / mass : h / 2.0;
        int ox = clamp((int) Math.round(SIDE / 2.0 - cx), 0, SIDE - w);
        int oy = clamp((int) Math.round(SIDE / 2.0 - cy), 0, SIDE - h);
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < h; y++) System.arraycopy(box, y * w, out, (oy + y) * SIDE + ox, w);
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
