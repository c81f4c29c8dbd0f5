package digitloop.canvas;

import static digitloop.canvas.MnistNormalizerTest.sumOfDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitSegmenterTest {

    /** A sheet to draw digits on with a round pen, like the Draw tab. */
    private static final class Sheet {
        final BufferedImage image;
        final Graphics2D g;

        Sheet(int w, int h, Color ink, Color page) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setColor(page);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(ink);
            g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }

        Sheet(int w, int h) {
            this(w, h, Color.BLACK, Color.WHITE);
        }

        Sheet line(int x1, int y1, int x2, int y2) {
            g.drawLine(x1, y1, x2, y2);
            return this;
        }

        Sheet ring(int x, int y, int w, int h) {
            g.drawOval(x, y, w, h);
            return this;
        }

        Sheet dot(int x, int y, int diameter) {
            g.fillOval(x, y, diameter, diameter);
            return this;
        }

        Sheet speck(int x, int y) {
            g.fillRect(x, y, 3, 3);
            return this;
        }

        BufferedImage done() {
            g.dispose();
            return image;
        }
    }

    @Test
    void threeSeparatedDigitsComeBackAsThreeImagesSortedLeftToRight() {
        // Drawn right to left and at different heights, so neither drawing order nor a top-down scan is x order.
        BufferedImage sheet = new Sheet(600, 220).ring(440, 20, 80, 100).line(260, 60, 330, 60).line(330, 60, 280, 160)
                .line(80, 100, 80, 200).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(3, digits.size());
        assertEquals(80, digits.get(0).inkBox().centreX(), 3, "the 1");
        assertEquals(295, digits.get(1).inkBox().centreX(), 3, "the 7");
        assertEquals(480, digits.get(2).inkBox().centreX(), 3, "the 0");
        for (NormalizedImage digit : digits) {
            int[] box = MnistNormalizerTest.inkBox(digit.pixels());
            assertEquals(20, Math.max(box[2], box[3]), 1, "normalised like MNIST: " + digit.inkBox());
        }
    }

    @Test
    void eachDigitIsNormalisedAsIfItHadBeenDrawnAlone() {
        BufferedImage sheet = new Sheet(600, 220).ring(440, 20, 80, 100).line(80, 100, 80, 200).done();
        BufferedImage zeroAlone = new Sheet(600, 220).ring(440, 20, 80, 100).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        // The same pixels, fringe included: the crop keeps the faint anti-aliasing around the strokes.
        NormalizedImage alone = MnistNormalizerTest.normalize(zeroAlone);
        assertEquals(alone.inkBox(), digits.get(1).inkBox());
        assertTrue(sumOfDifferences(alone.pixels(), digits.get(1).pixels()) < 0.05,
                "differs by " + sumOfDifferences(alone.pixels(), digits.get(1).pixels()));
    }

    @Test
    void aFourWrittenWithTwoStrokesThatTouchNothingIsOneDigit() {
        // Stroke one: down and across; stroke two: the stem, starting a little below the bar (a gap of 8 px).
        BufferedImage sheet = new Sheet(500, 240).line(60, 20, 40, 120).line(40, 120, 150, 120)
                .line(120, 140, 120, 220).line(330, 30, 330, 210).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(2, digits.size(), "the 4 and the 1");
        NormalizedImage.Box four = digits.get(0).inkBox();
        assertTrue(four.y() < 25 && four.y() + four.height() > 215, "the 4 spans both strokes: " + four);
        assertTrue(four.x() < 40 && four.x() + four.width() > 150, "the 4 spans both strokes: " + four);
    }

    @Test
    void aNeighboursStrokeInsideADigitsBoxIsLeftOut() {
        // The slanted 1's box reaches over the 0's left edge; overlap is small, so they stay two digits.
        BufferedImage sheet = new Sheet(420, 220).line(180, 20, 60, 200).ring(150, 60, 120, 140).done();
        BufferedImage oneAlone = new Sheet(420, 220).line(180, 20, 60, 200).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(2, digits.size());
        NormalizedImage alone = MnistNormalizerTest.normalize(oneAlone);
        assertEquals(alone.inkBox(), digits.get(0).inkBox());
        assertTrue(sumOfDifferences(alone.pixels(), digits.get(0).pixels()) < 0.05,
                "the 0's ink leaked in: differs by " + sumOfDifferences(alone.pixels(), digits.get(0).pixels()));
    }

    @Test
    void specksAreDroppedAndABlankSheetHasNoDigits() {
        assertEquals(List.of(), DigitSegmenter.segment(new Sheet(400, 200).done()));
        assertEquals(List.of(), DigitSegmenter.segment(new Sheet(400, 200).speck(200, 100).done()), "a lone speck");

        BufferedImage sheet = new Sheet(400, 200).line(100, 30, 100, 170).speck(200, 20).speck(250, 180)
                .line(300, 30, 300, 170).done();
        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);
        assertEquals(2, digits.size(), "two strokes, the specks between them ignored");
        assertTrue(digits.get(0).inkBox().width() < 20, "the speck did not join the first digit: " + digits.get(0).inkBox());
    }

    @Test
    void brightDigitsOnADarkSheetAreFoundToo() {
        BufferedImage sheet = new Sheet(600, 220, Color.WHITE, Color.BLACK).ring(440, 20, 80, 100)
                .line(80, 100, 80, 200).done();
        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);
        assertEquals(2, digits.size());
        assertTrue(digits.stream().noneMatch(NormalizedImage::inverted));
    }

    @Test
    void twoTouchingDigitsAreCutWhereTheyMeet() {
        // Two 0s whose strokes overlap by about 7 px: one component, about 1.3 times as wide as tall.
        BufferedImage sheet = new Sheet(320, 220).ring(40, 40, 80, 120).ring(125, 40, 80, 120).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(2, digits.size(), "boxes " + digits.stream().map(NormalizedImage::inkBox).toList());
        assertEquals(80, digits.get(0).inkBox().centreX(), 8, "the left 0");
        assertEquals(165, digits.get(1).inkBox().centreX(), 8, "the right 0");
        for (NormalizedImage digit : digits) {
            assertTrue(digit.inkBox().width() < 110, "cut near the meeting point: " + digit.inkBox());
        }
    }

    @Test
    void threeTouchingDigitsAreCutIntoThree() {
        BufferedImage sheet = new Sheet(420, 220).ring(40, 40, 80, 120).ring(125, 40, 80, 120).ring(210, 40, 80, 120).done();

        assertEquals(3, DigitSegmenter.segment(sheet).size());
    }

    @Test
    void aOneUnderTheLongBarOfASevenStaysItsOwnDigit() {
        // The 7's bar reaches left over the 1 without touching it: the 1 lies wholly inside the 7's x range.
        BufferedImage sheet = new Sheet(300, 230).line(100, 58, 100, 200).line(60, 30, 220, 30).line(220, 30, 160, 200).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(2, digits.size(), "boxes " + digits.stream().map(NormalizedImage::inkBox).toList());
        assertTrue(digits.get(0).inkBox().width() < 20, "first the 1: " + digits.get(0).inkBox());
        assertTrue(digits.get(1).inkBox().width() > 150, "then the whole 7: " + digits.get(1).inkBox());
    }

    @Test
    void aDotBetweenDigitsIsNotADigit() {
        // A full stop drawn with the pen, far bigger than a speck: 7 % of the 1's ink.
        BufferedImage sheet = new Sheet(400, 220).line(80, 30, 80, 190).dot(150, 180, 14).ring(220, 30, 90, 160).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(2, digits.size(), "boxes " + digits.stream().map(NormalizedImage::inkBox).toList());
        assertEquals(80, digits.get(0).inkBox().centreX(), 3);
        assertEquals(265, digits.get(1).inkBox().centreX(), 3);
    }

    @Test
    void digitsOfDifferentSizesAreEachFound() {
        BufferedImage sheet = new Sheet(500, 240).ring(30, 30, 100, 170).line(190, 150, 190, 210).ring(250, 140, 40, 70)
                .ring(340, 90, 60, 100).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(4, digits.size(), "boxes " + digits.stream().map(NormalizedImage::inkBox).toList());
        assertEquals(182, digits.get(0).inkBox().height(), 3, "the big 0");
        assertEquals(72, digits.get(1).inkBox().height(), 3, "the small 1");
        assertEquals(82, digits.get(2).inkBox().height(), 3, "the small 0");
        assertEquals(112, digits.get(3).inkBox().height(), 3, "the middle 0");
        for (NormalizedImage digit : digits) {
            int[] box = MnistNormalizerTest.inkBox(digit.pixels());
            assertEquals(20, Math.max(box[2], box[3]), 1, "each normalised to MNIST's size: " + digit.inkBox());
        }
    }

    @Test
    void aSlantedRowComesBackInReadingOrder() {
        // The row climbs 60 px over four digits.
        BufferedImage sheet = new Sheet(520, 260).line(50, 170, 50, 240).ring(110, 130, 60, 90).line(230, 110, 230, 190)
                .ring(290, 70, 60, 90).done();

        List<NormalizedImage> digits = DigitSegmenter.segment(sheet);

        assertEquals(4, digits.size());
        for (int k = 1; k < digits.size(); k++) {
            assertTrue(digits.get(k).inkBox().y() < digits.get(k - 1).inkBox().y() + 10, "climbing: " + digits.get(k).inkBox());
        }
    }
}
