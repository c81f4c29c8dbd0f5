package digitloop.canvas;

import digitloop.model.Classifier;
import digitloop.model.Prediction;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a number: {@link DigitSegmenter} finds the digit boxes, and each goes through the same path
 * as a single digit (the MNIST normalisation, then {@link Classifier#predict}), so a digit in a
 * number gets the answer and the "not sure" verdicts it would get alone.
 */
public final class NumberReader {
    private final Classifier classifier;

    public NumberReader(Classifier classifier) {
        this.classifier = classifier;
    }

    public NumberReading read(BufferedImage image) {
        long start = System.nanoTime();
        List<DigitReading> readings = new ArrayList<>();
        for (DigitSegmenter.Segment segment : DigitSegmenter.segmentWithAlternatives(image)) {
            List<Timed> parts = new ArrayList<>();
            for (NormalizedImage part : segment.parts()) parts.add(predict(part));
            if (segment.isCut()) {
                Timed whole = predict(segment.whole());
                if (preferWhole(whole, parts)) parts = List.of(whole);
            }
            for (Timed t : parts) readings.add(new DigitReading(readings.size(), t.digit().inkBox(), t.prediction(), t.ms()));
        }
        return new NumberReading(readings, (System.nanoTime() - start) / 1e6);
    }

    private record Timed(NormalizedImage digit, Prediction prediction, double ms) {
    }

    private Timed predict(NormalizedImage digit) {
        long t = System.nanoTime();
        Prediction p = classifier.predict(digit.pixels());
        return new Timed(digit, p, (System.nanoTime() - t) / 1e6);
    }

    /**
     * A cut is kept unless the model is surer of the uncut group as one digit than of all the parts
     * together (the product of their probabilities): a wide 2 is one confident digit, while two
     * touching 0s are two confident ones and a poor single one.
     */
    static boolean preferWhole(Timed whole, List<Timed> parts) {
        double together = 0;
        for (Timed p : parts) together += Math.log(Math.max(1e-9, p.prediction().probability()));
        return Math.log(Math.max(1e-9, whole.prediction().probability())) > together;
    }
}
