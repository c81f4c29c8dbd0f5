package digitloop.cli.handwriting;

import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import digitloop.data.Digits;
import digitloop.data.HandwritingStyle;
import digitloop.data.NonDigitSketches;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A second test set of digits that do not look like MNIST's, which no model trains on: a synthetic pen at
 * three widths, typeset digits in handwriting-like fonts, and MNIST test digits restyled (thick, thin,
 * slanted both ways, filling their box, faint) — with drawn non-digits beside them, to see that
 * recognising more styles does not mean answering for scribbles.
 *
 * @param digits    the digit images, 28×28 as the normaliser makes them, labelled
 * @param sources   which kind of image each one is, for the report by source
 * @param nonDigits scribbles, shapes and smudges a model should not answer for
 */
public record HandwritingTestSet(Digits digits, List<String> sources, Digits nonDigits) {
    static final String[] PENS = {"pen, fine", "pen, MNIST width", "pen, marker"};
    /** MNIST test digits from here on are restyled: far from those the other experiments show. */
    static final int FIRST_MNIST = 9000;

    public static HandwritingTestSet build(Digits mnistTest, int perKind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int pen = 0; pen < PENS.length; pen++) {
            for (int k = 0; k < perKind; k++) {
                int digit = k % 10;
                add(images, labels, sources, normalized(DigitStrokes.draw(digit, DigitStrokes.PEN_WIDTHS[pen], random)), digit, PENS[pen]);
            }
        }
        List<String> families = FontDigits.installed();
        for (String family : families) {
            for (int k = 0; k < perKind; k++) {
                int digit = k % 10;
                add(images, labels, sources, normalized(FontDigits.draw(digit, family, k % 20 >= 10, random)), digit, "font " + family);
            }
        }
        Map<String, double[]> styles = new LinkedHashMap<>();
        // shear, aspect, stroke px, blur σ, ink
        styles.put("MNIST, thick strokes", new double[] {0, 1, 1.5, 0, 1});
        styles.put("MNIST, thin strokes", new double[] {0, 1, -0.7, 0, 1});
        styles.put("MNIST, slanted right", new double[] {-0.45, 1, 0, 0, 1});
        styles.put("MNIST, slanted left", new double[] {0.45, 1, 0, 0, 1});
        styles.put("MNIST, filling the box", new double[] {0, 1.45, 0, 0, 1});
        styles.put("MNIST, faint and blurred", new double[] {0, 1, 0, 1.0, 0.4});
        for (Map.Entry<String, double[]> style : styles.entrySet()) {
            double[] s = style.getValue();
            for (int k = 0; k < perKind; k++) {
                int i = FIRST_MNIST + k;
                float[] img = HandwritingStyle.restyled(mnistTest.image(i), mnistTest.side(), s[0], s[1], s[2], s[3], s[4]);
                add(images, labels, sources, img, mnistTest.label(i), style.getKey());
            }
        }
        float[] nonDigitPixels = new float[perKind * 2 * 784];
        for (int k = 0; k < perKind * 2; k++) System.arraycopy(NonDigitSketches.draw(random), 0, nonDigitPixels, k * 784, 784);
        Digits nonDigits = Digits.of(nonDigitPixels, 28, new int[perKind * 2], Digits.consecutiveIds(perKind * 2, 0));
        return new HandwritingTestSet(digits(images, labels), List.copyOf(sources), nonDigits);
    }

    /** The kinds of images, in the order the report lists them. */
    public List<String> kinds() {
        return sources.stream().distinct().toList();
    }

    private static void add(List<float[]> images, List<Integer> labels, List<String> sources, float[] img, int label, String source) {
        if (img == null) return;
        images.add(img);
        labels.add(label);
        sources.add(source);
    }

    /** As {@code predict} reads an image file: ink found, cropped, scaled to 20 px and centred by mass. */
    private static float[] normalized(BufferedImage image) {
        return MnistNormalizer.normalize(image).map(NormalizedImage::pixels).orElse(null);
    }

    private static Digits digits(List<float[]> images, List<Integer> labels) {
        float[] pixels = new float[images.size() * 784];
        int[] l = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * 784, 784);
            l[i] = labels.get(i);
        }
        return Digits.of(pixels, 28, l, Digits.consecutiveIds(images.size(), 0));
    }
}
