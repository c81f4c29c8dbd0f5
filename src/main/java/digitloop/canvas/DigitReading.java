package digitloop.canvas;

import digitloop.model.Prediction;

/**
 * One digit of a number read from an image.
 *
 * @param index      its place in the number, from 0 at the left
 * @param box        where its ink lies in the source image
 * @param prediction the model's answer, "not sure" verdicts included
 * @param ms         time to classify this digit (segmentation and normalisation are in the number's total)
 */
public record DigitReading(int index, NormalizedImage.Box box, Prediction prediction, double ms) {

    /** The digit, or -1 when the model is not sure. */
    public int label() { return prediction.label(); }

    public float probability() { return prediction.probability(); }

    public boolean answered() { return prediction.answered(); }

    /** The digit as written in the number: itself, or {@value NumberReading#NOT_SURE} when not sure. */
    public char symbol() {
        return answered() ? (char) ('0' + label()) : NumberReading.NOT_SURE;
    }
}
