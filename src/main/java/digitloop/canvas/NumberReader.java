package digitloop.canvas;

import digitloop.model.Classifier;
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
        List<NormalizedImage> digits = DigitSegmenter.segment(image);
        List<DigitReading> readings = new ArrayList<>(digits.size());
        for (NormalizedImage digit : digits) {
            long t = System.nanoTime();
            var prediction = classifier.predict(digit.pixels());
            double ms = (System.nanoTime() - t) / 1e6;
            readings.add(new DigitReading(readings.size(), digit.inkBox(), prediction, ms));
        }
        return new NumberReading(readings, (System.nanoTime() - start) / 1e6);
    }
}
