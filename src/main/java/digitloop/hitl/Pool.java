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

    /** Candidates without hidden labels: a person's own images, which no oracle can answer. */
    public static Pool unlabelled(Digits images) {
        return new Pool(images);
    }

    /** This pool and {@code more}, in that order. */
    public Pool with(Pool more) {
        return new Pool(images.concat(more.images));
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
