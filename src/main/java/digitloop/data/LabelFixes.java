package digitloop.data;

import java.util.Map;
import java.util.Set;

/**
 * Changes a person made to a dataset's own labels, by sample id: labels corrected, and images left
 * out (marked "not a clear digit"). Training applies them to the images it trains and validates on.
 */
public record LabelFixes(Map<Integer, Integer> relabel, Set<Integer> leftOut) {
    public static final LabelFixes NONE = new LabelFixes(Map.of(), Set.of());

    public LabelFixes {
        relabel = Map.copyOf(relabel);
        leftOut = Set.copyOf(leftOut);
        for (int label : relabel.values()) {
            if (label < 0 || label > 9) throw new IllegalArgumentException("a corrected label is a digit 0-9, got " + label);
        }
    }

    public boolean isEmpty() {
        return relabel.isEmpty() && leftOut.isEmpty();
    }

    /** {@code digits} with the corrected labels and without the left-out images; the same object when nothing applies. */
    public Digits apply(Digits digits) {
        if (isEmpty()) return digits;
        int[] labels = digits.labels();
        int[] keep = new int[digits.size()];
        int kept = 0;
        boolean changed = false;
        for (int i = 0; i < digits.size(); i++) {
            Integer fixed = relabel.get(digits.id(i));
            if (fixed != null && fixed != labels[i]) {
                labels[i] = fixed;
                changed = true;
            }
            if (!leftOut.contains(digits.id(i))) keep[kept++] = i;
        }
        Digits relabelled = changed ? digits.withLabels(labels) : digits;
        return kept == digits.size() ? relabelled : relabelled.subset(java.util.Arrays.copyOf(keep, kept));
    }

    /** One line for a log or a sidecar. */
    public String describe() {
        return relabel.size() + " labels corrected, " + leftOut.size() + " images left out";
    }
}
