package digitloop.canvas;

import java.util.List;

/**
 * Several digits read from one image, left to right.
 *
 * @param digits one reading per digit box; empty when the image holds no ink
 * @param ms     time for the whole image: reading its ink, segmenting, every digit
 */
public record NumberReading(List<DigitReading> digits, double ms) {
    /** Stands for a digit the model is not sure of, so a number with a doubt is never mistaken for a whole one. */
    public static final char NOT_SURE = '?';

    public NumberReading {
        digits = List.copyOf(digits);
    }

    /** The number as read, {@value #NOT_SURE} for each digit the model is not sure of; "" when there was no ink. */
    public String number() {
        StringBuilder s = new StringBuilder(digits.size());
        for (DigitReading d : digits) s.append(d.symbol());
        return s.toString();
    }

    public boolean allAnswered() {
        return digits.stream().allMatch(DigitReading::answered);
    }

    public boolean isBlank() { return digits.isEmpty(); }
}
