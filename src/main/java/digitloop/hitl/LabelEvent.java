package digitloop.hitl;

/**
 * One line of the label journal.
 *
 * @param kind     ANSWER (a pool sample labelled), DRAWING (a canvas drawing taught), RETRACTION (undo),
 *                 REVIEW (a given label the suspicious-labels queue asked about: kept, corrected or unclear)
 * @param sampleId the pool sample's id; for drawings a negative id of their own
 * @param label    the person's label; for a REVIEW, {@link #UNCLEAR} when it is not a clear digit
 * @param pixels   for drawings, the 28x28 image; otherwise null
 * @param given    for a REVIEW, the dataset's label the person judged; otherwise -1
 */
public record LabelEvent(Kind kind, long timeMillis, String fingerprint, int sampleId, int label, int modelGuess,
                         float guessProbability, String strategy, float[] pixels, int given) {
    public enum Kind { ANSWER, DRAWING, RETRACTION, REVIEW }

    /** A REVIEW's label when the image is not a clear digit: training may leave it out. */
    public static final int UNCLEAR = -1;

    /** The events before reviews existed carry no given label. */
    public LabelEvent(Kind kind, long timeMillis, String fingerprint, int sampleId, int label, int modelGuess, float guessProbability,
                      String strategy, float[] pixels) {
        this(kind, timeMillis, fingerprint, sampleId, label, modelGuess, guessProbability, strategy, pixels, -1);
    }

    /** True when the person's label (of a pool sample or a drawing) differs from what the model guessed. */
    public boolean corrects() {
        return (kind == Kind.ANSWER || kind == Kind.DRAWING) && label != modelGuess;
    }

    /** For a REVIEW: the person changed the given label to another digit. */
    public boolean relabels() {
        return kind == Kind.REVIEW && label != UNCLEAR && label != given;
    }
}
