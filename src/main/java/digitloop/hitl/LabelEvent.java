package digitloop.hitl;

/**
 * One line of the label journal.
 *
 * @param kind     ANSWER (a pool sample labelled), DRAWING (a canvas drawing taught), RETRACTION (undo)
 * @param sampleId the pool sample's id; for drawings a negative id of their own
 * @param pixels   for drawings, the 28x28 image; otherwise null
 */
public record LabelEvent(Kind kind, long timeMillis, String fingerprint, int sampleId, int label, int modelGuess,
                         float guessProbability, String strategy, float[] pixels) {
    public enum Kind { ANSWER, DRAWING, RETRACTION }

    /** True when the person's label differs from what the model guessed. */
    public boolean corrects() {
        return kind != Kind.RETRACTION && label != modelGuess;
    }
}
