package digitloop.data;

import java.util.SplittableRandom;

/**
 * How images are degraded before the model sees them: Gaussian noise of a given sigma and/or 2x2
 * average pooling to 14x14. Reproducible: a sample's noise depends only on (seed, sample id), so
 * train, validation, pool and test get the same treatment and a re-run gets the same pixels.
 */
public record Degradation(double noiseSigma, boolean downsample, long seed) {
    public static final Degradation NONE = new Degradation(0, false, 0);
    /** The seed of the original project's noisy runs. */
    public static final long DEFAULT_SEED = 42;

    public Degradation {
        if (!(noiseSigma >= 0) || Double.isInfinite(noiseSigma)) {
            throw new IllegalArgumentException("noise sigma must be a finite number >= 0, got " + noiseSigma);
        }
    }

    public static Degradation noise(double sigma) { return new Degradation(sigma, false, DEFAULT_SEED); }

    public static Degradation downsampled() { return new Degradation(0, true, DEFAULT_SEED); }

    public boolean changesNothing() { return noiseSigma == 0 && !downsample; }

    /** Side of the images after this degradation, from 28x28 input. */
    public int outputSide(int inputSide) { return downsample ? inputSide / 2 : inputSide; }

    /** A short name for file names and tables: clean, noise0.12, 14x14, 14x14+noise0.3. */
    public String label() {
        if (changesNothing()) return "clean";
        String s = downsample ? "14x14" : "";
        if (noiseSigma > 0) s += (s.isEmpty() ? "" : "+") + "noise" + noiseSigma;
        return s;
    }

    /** Degrades every image of {@code digits}. */
    public Digits apply(Digits digits) {
        if (changesNothing()) return digits;
        int side = digits.side();
        int n = side * side;
        int outSide = outputSide(side);
        float[] in = digits.pixelsView();
        float[] out = new float[digits.size() * outSide * outSide];
        float[] scratch = new float[n];
        float[] result = new float[outSide * outSide];
        for (int i = 0; i < digits.size(); i++) {
            System.arraycopy(in, i * n, scratch, 0, n);
            applyInPlace(scratch, side, digits.id(i), result);
            System.arraycopy(result, 0, out, i * outSide * outSide, result.length);
        }
        return Digits.wrap(out, outSide, digits.labels(), digits.ids());
    }

    /** Degrades one image of {@code side}x{@code side}; returns a new array of the output side. */
    public float[] apply(float[] image, int side, int sampleId) {
        float[] copy = image.clone();
        float[] out = new float[outputSide(side) * outputSide(side)];
        applyInPlace(copy, side, sampleId, out);
        return out;
    }

    /** Noise first, at full resolution, then pooling: the order of the original experiments. */
    private void applyInPlace(float[] img, int side, int sampleId, float[] out) {
        if (noiseSigma > 0) {
            SplittableRandom random = new SplittableRandom(mix(seed, sampleId));
            for (int p = 0; p < img.length; p++) {
                float v = (float) (img[p] + noiseSigma * gaussian(random));
                img[p] = v < 0 ? 0 : (v > 1 ? 1 : v);
            }
        }
        if (downsample) {
            int half = side / 2;
            for (int y = 0; y < half; y++) {
                for (int x = 0; x < half; x++) {
                    int p = 2 * y * side + 2 * x;
                    out[y * half + x] = (img[p] + img[p + 1] + img[p + side] + img[p + side + 1]) / 4f;
                }
            }
        } else {
            System.arraycopy(img, 0, out, 0, img.length);
        }
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** SplitMix64 finaliser over (seed, id), so neighbouring ids get unrelated streams. */
    private static long mix(long seed, int id) {
        long z = seed * 0x9E3779B97F4A7C15L + id;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
