package digitloop.canvas;

/**
 * Area-averaging resampler: each output pixel is the mean of the source area it covers, with
 * fractional edge weights. Unlike nearest-neighbour or bilinear scaling it keeps thin strokes of a
 * 2,000 px drawing from aliasing away, and it is separable, so it costs O(source + output).
 */
final class AreaResampler {
    private AreaResampler() {
    }

    static float[] resample(InkImage src, int x0, int y0, int w, int h, int outW, int outH) {
        // Rows first: w → outW for each of the h source rows.
        float[] rows = new float[h * outW];
        float[] line = new float[w];
        float[] out = new float[outW];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) line[x] = src.at(x0 + x, y0 + y);
            shrink(line, w, out, outW);
            System.arraycopy(out, 0, rows, y * outW, outW);
        }
        // Then columns: h → outH.
        float[] result = new float[outW * outH];
        float[] column = new float[h];
        float[] col = new float[outH];
        for (int x = 0; x < outW; x++) {
            for (int y = 0; y < h; y++) column[y] = rows[y * outW + x];
            shrink(column, h, col, outH);
            for (int y = 0; y < outH; y++) result[y * outW + x] = col[y];
        }
        return result;
    }

    /** 1-D area average of {@code n} samples into {@code m}; also enlarges (then it is box interpolation). */
    static void shrink(float[] in, int n, float[] out, int m) {
        double step = (double) n / m;
        for (int j = 0; j < m; j++) {
            double from = j * step;
            double to = from + step;
            double sum = 0;
            int i = (int) from;
            while (i < to && i < n) {
                double overlap = Math.min(to, i + 1) - Math.max(from, i);
                sum += in[i] * overlap;
                i++;
            }
            out[j] = (float) (sum / step);
        }
    }
}
