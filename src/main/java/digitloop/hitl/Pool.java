package digitloop.hitl;

import digitloop.data.Digits;

/**
 * The unlabelled candidates for review. Their true labels are kept apart in a {@link HiddenLabels}
 * handle that only an {@link Oracle} receives, so no strategy or model can read them by accident.
 */
public final class Pool {
    private final Digits images;

    Pool(Digits withLabels) {
        int[] unknown = new int[withLabels.size()];
        java.util.Arrays.fill(unknown, Digits.UNLABELED);
        this.images = withLabels.withLabels(unknown);
    }

    /** The pool images; every label reads {@link Digits#UNLABELED}. */
    public Digits images() { return images; }

    public int size() { return images.size(); }

    public int id(int index) { return images.id(index); }

    /** Index of the sample with this id, or -1. */
    public int indexOf(int sampleId) {
        for (int i = 0; i < images.size(); i++) if (images.id(i) == sampleId) return i;
        return -1;
    }
}
