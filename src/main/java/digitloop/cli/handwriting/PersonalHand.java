package digitloop.cli.handwriting;

import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One person's handwriting, for measuring "Adapt to my handwriting" without a person: the synthetic pen of
 * {@link DigitStrokes} with habits that stay the same from one digit to the next — the writer's slant,
 * width and pen, and ways of writing some digits that MNIST's writers seldom used (a 1 with a base, a
 * crossed 7, a closed 4, a slashed 0, a 9 with a straight stem, a 2 with a loop). Each digit varies only a
 * little around that, as one hand does.
 *
 * @param slant  the writer's shear (negative leans right)
 * @param width  horizontal scale of every digit
 * @param pen    pen width as a share of the digit's height
 * @param habits which of the {@link Habit}s this writer has
 */
public record PersonalHand(long writer, double slant, double width, double pen, java.util.Set<Habit> habits) {
    /** Ways of writing a digit that one person keeps. */
    public enum Habit { ONE_WITH_BASE, SEVEN_CROSSED, FOUR_CLOSED, ZERO_SLASHED, NINE_STRAIGHT, TWO_LOOPED }

    /** A labelled drawing as the Draw tab keeps it: 28×28 as the canvas's normaliser makes it. */
    public record Drawing(int label, float[] pixels28) {
    }

    /** Writer {@code writer}'s hand: a strong slant one way or the other, a width, a pen and half of the habits, seeded. */
    public static PersonalHand of(long writer) {
        SplittableRandom r = new SplittableRandom(writer * 7919 + 13);
        double slant = (r.nextBoolean() ? 1 : -1) * (0.3 + 0.3 * r.nextDouble());
        double width = 0.6 + 0.6 * r.nextDouble();
        double pen = 0.07 + 0.13 * r.nextDouble();
        java.util.EnumSet<Habit> habits = java.util.EnumSet.noneOf(Habit.class);
        for (Habit h : Habit.values()) if (r.nextBoolean()) habits.add(h);
        if (habits.isEmpty()) habits.add(Habit.SEVEN_CROSSED);
        return new PersonalHand(writer, slant, width, pen, habits);
    }

    public String describe() {
        return String.format(Locale.ROOT, "writer %d: slant %+.2f, width %.0f %%, pen %.0f %%, %s", writer, slant, width * 100, pen * 100,
                habits.stream().map(h -> h.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList());
    }

    /** {@code perDigit} drawings of each digit, in the order 0–9, 0–9, …, seeded; a drawing the normaliser finds empty is left out. */
    public List<Drawing> drawings(int perDigit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Drawing> out = new ArrayList<>();
        for (int k = 0; k < perDigit; k++) {
            for (int digit = 0; digit <= 9; digit++) {
                float[] pixels = MnistNormalizer.normalize(draw(digit, random)).map(NormalizedImage::pixels).orElse(null);
                if (pixels != null) out.add(new Drawing(digit, pixels));
            }
        }
        return out;
    }

    /** One digit on a 112×112 white page: the writer's slant, width and pen, each varied a little. */
    BufferedImage draw(int digit, SplittableRandom random) {
        AffineTransform t = new AffineTransform();
        t.translate(DigitStrokes.PAGE / 2.0, DigitStrokes.PAGE / 2.0);
        t.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 4));
        t.shear(slant + (random.nextDouble() * 2 - 1) * 0.06, 0);
        double height = DigitStrokes.PAGE * 0.7 / 100;
        t.scale(height * width * (0.95 + random.nextDouble() * 0.1), height);
        t.translate(-50, -50);
        double penUnits = pen * 100 * (0.9 + random.nextDouble() * 0.2);
        return DigitStrokes.page(stroke(digit, random), t, penUnits);
    }

    /** Drawings as a labelled set (ids -1, -2, … as the journal gives drawings), for measuring a model on them. */
    public static digitloop.data.Digits asDigits(List<Drawing> drawings) {
        float[] pixels = new float[drawings.size() * 784];
        int[] labels = new int[drawings.size()];
        int[] ids = new int[drawings.size()];
        for (int i = 0; i < drawings.size(); i++) {
            System.arraycopy(drawings.get(i).pixels28(), 0, pixels, i * 784, 784);
            labels[i] = drawings.get(i).label();
            ids[i] = -1 - i;
        }
        return digitloop.data.Digits.of(pixels, 28, labels, ids);
    }

    private Path2D stroke(int digit, SplittableRandom r) {
        Path2D p = DigitStrokes.template(digit, r);
        switch (digit) {
            case 0 -> {
                if (habits.contains(Habit.ZERO_SLASHED)) line(p, 70, 14, 30, 86, r);
            }
            case 1 -> {
                if (habits.contains(Habit.ONE_WITH_BASE)) line(p, 34, 92, 74, 92, r);
            }
            case 2 -> {
                if (habits.contains(Habit.TWO_LOOPED)) {
                    p = new Path2D.Double();
                    p.moveTo(DigitStrokes.j(24, r), DigitStrokes.j(30, r));
                    p.curveTo(DigitStrokes.j(30, r), DigitStrokes.j(2, r), DigitStrokes.j(82, r), DigitStrokes.j(6, r),
                            DigitStrokes.j(66, r), DigitStrokes.j(44, r));
                    p.curveTo(DigitStrokes.j(52, r), DigitStrokes.j(64, r), DigitStrokes.j(20, r), DigitStrokes.j(92, r),
                            DigitStrokes.j(34, r), DigitStrokes.j(80, r));
                    p.curveTo(DigitStrokes.j(48, r), DigitStrokes.j(70, r), DigitStrokes.j(42, r), DigitStrokes.j(92, r),
                            DigitStrokes.j(82, r), DigitStrokes.j(88, r));
                }
            }
            case 4 -> {
                if (habits.contains(Habit.FOUR_CLOSED)) {
                    p = new Path2D.Double();
                    p.moveTo(DigitStrokes.j(62, r), DigitStrokes.j(8, r));
                    p.lineTo(DigitStrokes.j(18, r), DigitStrokes.j(64, r));
                    p.lineTo(DigitStrokes.j(82, r), DigitStrokes.j(64, r));
                    p.moveTo(DigitStrokes.j(62, r), DigitStrokes.j(8, r));
                    p.lineTo(DigitStrokes.j(62, r), DigitStrokes.j(94, r));
                }
            }
            case 7 -> {
                if (habits.contains(Habit.SEVEN_CROSSED)) line(p, 40, 52, 76, 52, r);
            }
            case 9 -> {
                if (habits.contains(Habit.NINE_STRAIGHT)) {
                    p = new Path2D.Double();
                    DigitStrokes.ellipse(p, 46, 30, 23, 21, r);
                    line(p, 69, 26, 69, 94, r);
                }
            }
            default -> { }
        }
        return p;
    }

    private static void line(Path2D p, double x0, double y0, double x1, double y1, SplittableRandom r) {
        p.moveTo(DigitStrokes.j(x0, r), DigitStrokes.j(y0, r));
        p.lineTo(DigitStrokes.j(x1, r), DigitStrokes.j(y1, r));
    }
}
