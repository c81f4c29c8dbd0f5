package digitloop.gan;

/** Images tiled row by row into one grey picture (ink bright, [0, 1]), {@code columns} images a row. */
public record SampleGrid(int rows, int columns, float[] pixels) {
    public int width() { return columns * GanSpec.SIDE; }

    public int height() { return rows * GanSpec.SIDE; }

    public static SampleGrid tile(float[] images, int columns) {
        int count = images.length / GanSpec.PIXELS;
        int rows = (count + columns - 1) / columns;
        int width = columns * GanSpec.SIDE;
        float[] pixels = new float[rows * GanSpec.SIDE * width];
        for (int i = 0; i < count; i++) {
            int top = (i / columns) * GanSpec.SIDE;
            int left = (i % columns) * GanSpec.SIDE;
            for (int y = 0; y < GanSpec.SIDE; y++) {
                System.arraycopy(images, i * GanSpec.PIXELS + y * GanSpec.SIDE, pixels, (top + y) * width + left, GanSpec.SIDE);
            }
        }
        return new SampleGrid(rows, columns, pixels);
    }
}
