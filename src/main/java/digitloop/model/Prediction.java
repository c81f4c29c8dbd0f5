package digitloop.model;

/**
 * The model's answer for one image.
 *
 * @param label       the most probable digit, or -1 when the model does not answer
 * @param probability that digit's softmax probability
 * @param energy      free energy −logsumexp(logits); high means unlike the training digits
 */
public record Prediction(int label, float probability, float[] probabilities, float energy, Verdict verdict) {
    public enum Verdict {
        ANSWERED("answered"),
        NOT_SURE("not sure: below the trusted confidence"),
        NOT_A_DIGIT("not sure: does not look like a digit"),
        BLANK("no ink: nothing to recognise");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() { return text; }
    }

    public static Prediction blank() {
        return new Prediction(-1, 0f, new float[NetworkFactory.CLASSES], 0f, Verdict.BLANK);
    }

    public boolean answered() { return verdict == Verdict.ANSWERED; }

    /** The most probable digit whether answered or not (for "not sure, maybe 7"). */
    public int bestGuess() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }
}
