package digitloop.data;

import java.util.Arrays;

/**
 * An immutable set of square grey images with their labels and stable sample ids.
 * Pixels are floats in [0, 1], ink bright on black, row-major, stored in one flat array so a batch
 * can be copied into an INDArray without per-image objects.
 */
public final class Digits {
    /** Label value for a sample whose label is unknown (a drawing not yet taught, say). */
    public static final int UNLABELED = -1;

    private final float[] pixels;
    private final int[] labels;
    private final int[] ids;
    private final int side;

    private Digits(float[] pixels, int side, int[] labels, int[] ids) {
        this.pixels = pixels;
        this.side = side;
        this.labels = labels;
        this.ids = ids;
    }

    /** Wraps copies of the arrays; {@code pixels.length} must be {@code labels.length * side * side}. */
    public static Digits of(float[] pixels, int side, int[] labels, int[] ids) {
        if (labels.length != ids.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + ids.length + " ids");
        }
        if ((long) labels.length * side * side != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make "
                    + labels.length + " images of " + side + "x" + side);
        }
        return new Digits(pixels.clone(), side, labels.clone(), ids.clone());
    }

    /** Ids 0..n-1 plus {@code firstId}. */
    public static int[] consecutiveIds(int count, int firstId) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) ids[i] = firstId + i;
        return ids;
    }

    public int size() { return labels.length; }

    public int side() { return side; }

    public int pixelsPerImage() { return side * side; }

    public int label(int i) { return labels[i]; }

    public int id(int i) { return ids[i]; }

    public int[] labels() { return labels.clone(); }

    public int[] ids() { return ids.clone(); }

    /** A copy of image {@code i}. */
    public float[] image(int i) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** Copies image {@code i} into {@code dst} at {@code offset}: the batch builders' fast path. */
    public void copyImage(int i, float[] dst, int offset) {
        int n = pixelsPerImage();
        System.arraycopy(pixels, i * n, dst, offset, n);
    }

    /** The samples at {@code indices}, in that order. */
    public Digits subset(int[] indices) {
        int n = pixelsPerImage();
        float[] p = new float[indices.length * n];
        int[] l = new int[indices.length];
        int[] d = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(pixels, i * n, p, k * n, n);
            l[k] = labels[i];
            d[k] = ids[i];
        }
        return new Digits(p, side, l, d);
    }

    /** The first {@code count} samples. */
    public Digits head(int count) {
        int[] idx = new int[Math.min(count, size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return subset(idx);
    }

    /** Same ids and labels, other pixels (a degradation's output). */
    public Digits withPixels(float[] newPixels, int newSide) {
        if ((long) size() * newSide * newSide != newPixels.length) {
            throw new IllegalArgumentException("pixel count does not match " + size() + " images");
        }
        return new Digits(newPixels.clone(), newSide, labels, ids);
    }

    /** Same images and ids, other labels (answers from a person or an oracle). */
    public Digits withLabels(int[] newLabels) {
        if (newLabels.length != size()) throw new IllegalArgumentException("label count differs");
        return new Digits(pixels, side, newLabels.clone(), ids);
    }

    /** This set followed by {@code other}; both must have the same side. */
    public Digits concat(Digits other) {
        if (other.side != side) throw new IllegalArgumentException("sides differ: " + side + " vs " + other.side);
        float[] p = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        int[] l = Arrays.copyOf(labels, size() + other.size());
        System.arraycopy(other.labels, 0, l, size(), other.size());
        int[] d = Arrays.copyOf(ids, size() + other.size());
        System.arraycopy(other.ids, 0, d, size(), other.size());
        return new Digits(p, side, l, d);
    }

    /** MD5 over pixels (as float bits) and labels: ties a model or a journal to the exact data it saw. */
    public String contentMd5() {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            for (float v : pixels) {
                if (buffer.remaining() < 4) { md5.update(buffer.flip()); buffer.clear(); }
                buffer.putFloat(v);
            }
            for (int l : labels) {
                if (buffer.remaining() < 4) { md5.update(buffer.flip()); buffer.clear(); }
                buffer.putInt(l);
            }
            md5.update(buffer.flip());
            return java.util.HexFormat.of().formatHex(md5.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Package-private view for readers and degradations that produce a new set without copying twice. */
    static Digits wrap(float[] pixels, int side, int[] labels, int[] ids) {
        return new Digits(pixels, side, labels, ids);
    }

    float[] pixelsView() { return pixels; }
}
