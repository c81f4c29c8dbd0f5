package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.data.Degradation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MnistNormalizerTest {

    /** A thick two-line stroke (a rough 7) on a plain page, anti-aliased like the Draw tab's pen. */
    static BufferedImage stroke(int w, int h, Color ink, Color page, int type) {
        return stroke(w, h, ink, page, type, true);
    }

    static BufferedImage stroke(int w, int h, Color ink, Color page, int type, boolean antialias) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(page);
        g.fillRect(0, 0, w, h);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        if (antialias) g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        g.setStroke(new BasicStroke(Math.max(2, h / 14f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(w / 3, h / 5, w / 3 + w / 6, h * 4 / 5);
        g.drawLine(w / 3, h / 5, w / 2 + w / 8, h / 4);
        g.dispose();
        return image;
    }

    static BufferedImage plain(int w, int h, Color colour) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    static NormalizedImage normalize(BufferedImage image) {
        return MnistNormalizer.normalize(image).orElseThrow(() -> new AssertionError("no digit found"));
    }

    @Test
    void darkInkOnWhiteBecomesBrightInkWhoseLongerSideIs20AndWhoseMassIsCentred() {
        NormalizedImage n = normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));

        assertTrue(n.inverted());
        int[] box = inkBox(n.pixels());
        assertEquals(20, Math.max(box[2], box[3]), 1, "longer side of the ink");
        double[] com = centreOfMass(n.pixels());
        assertEquals(14, com[0], 1.0);
        assertEquals(14, com[1], 1.0);
        assertTrue(max(n.pixels()) > 0.9f, "ink is bright");
        assertEquals(0f, n.pixels()[0], "background is black");
    }

    @Test
    void theInkBoxIsReportedInSourcePixels() {
        // The pen is 200/14 ≈ 14 px wide with round caps; the lines' ends span x 100..187, y 40..160.
        NormalizedImage n = normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
        NormalizedImage.Box box = n.inkBox();
        assertEquals(100 - 7, box.x(), 2);
        assertEquals(40 - 7, box.y(), 2);
        assertEquals(187 - 100 + 14, box.width(), 3);
        assertEquals(160 - 40 + 14, box.height(), 3);
    }

    @Test
    void polarityDoesNotMatterWhiteOnBlackGivesTheSameInput() {
        float[] dark = normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).pixels();
        NormalizedImage light = normalize(stroke(300, 200, Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB));
        assertFalse(light.inverted());
        assertTrue(sumOfDifferences(dark, light.pixels()) < 5, "sum of differences " + sumOfDifferences(dark, light.pixels()));
    }

    @Test
    void darkInkOnAMidGreyPageIsFoundAndSoIsBrightInk() {
        Color grey = new Color(128, 128, 128);
        float[] reference = normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).pixels();
        NormalizedImage dark = normalize(stroke(300, 200, Color.BLACK, grey, BufferedImage.TYPE_INT_RGB));
        NormalizedImage bright = normalize(stroke(300, 200, Color.WHITE, grey, BufferedImage.TYPE_INT_RGB));
        assertTrue(dark.inverted());
        assertFalse(bright.inverted());
        assertTrue(sumOfDifferences(reference, dark.pixels()) < 5, "dark on grey " + sumOfDifferences(reference, dark.pixels()));
        assertTrue(sumOfDifferences(reference, bright.pixels()) < 5, "bright on grey " + sumOfDifferences(reference, bright.pixels()));
    }

    @Test
    void colouredInkOnATransparentPageCountsAsDarkInkOnWhitePaper() {
        BufferedImage argb = stroke(240, 240, new Color(0, 0, 160), new Color(0, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);
        float[] reference = normalize(stroke(240, 240, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).pixels();
        NormalizedImage n = normalize(argb);
        assertTrue(n.inverted(), "transparent page counts as white paper");
        assertTrue(sumOfDifferences(reference, n.pixels()) < 5, "differs by " + sumOfDifferences(reference, n.pixels()));
    }

    @Test
    void whiteInkOnATransparentLayerIsStillInk() {
        // Composited over white it would vanish; transparency is the page, so any opaque stroke is ink.
        BufferedImage argb = stroke(240, 240, Color.WHITE, new Color(255, 255, 255, 0), BufferedImage.TYPE_INT_ARGB);
        float[] reference = normalize(stroke(240, 240, Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB)).pixels();
        NormalizedImage n = normalize(argb);
        assertFalse(n.inverted());
        assertTrue(sumOfDifferences(reference, n.pixels()) < 5, "differs by " + sumOfDifferences(reference, n.pixels()));
    }

    /** Every storage layout of one black-and-white drawing must read as the same ink. */
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_4BYTE_ABGR_PRE,
            BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_USHORT_565_RGB,
            BufferedImage.TYPE_USHORT_555_RGB, BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED})
    void everyImageTypeGivesTheSameInputAsIntRgb(int type) {
        float[] reference = normalize(stroke(200, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB, false)).pixels();
        NormalizedImage n = normalize(stroke(200, 200, Color.BLACK, Color.WHITE, type, false));
        assertTrue(n.inverted());
        assertTrue(sumOfDifferences(reference, n.pixels()) < 0.5, "type " + type + " differs by " + sumOfDifferences(reference, n.pixels()));
    }

    @Test
    void anImageWithFloatSamplesIsReadThroughJava2dsConversion() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(200, 200), false, null);
        image.createGraphics().drawImage(stroke(200, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB, false), 0, 0, null);
        float[] reference = normalize(stroke(200, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB, false)).pixels();
        NormalizedImage n = normalize(image);
        assertTrue(sumOfDifferences(reference, n.pixels()) < 0.5, "differs by " + sumOfDifferences(reference, n.pixels()));
    }

    @Test
    void halfTransparentInkReadsTheSameWhetherPremultipliedOrNot() {
        float[] straight = normalize(translucentStroke(BufferedImage.TYPE_INT_ARGB)).pixels();
        float[] premultiplied = normalize(translucentStroke(BufferedImage.TYPE_INT_ARGB_PRE)).pixels();
        // Grey 60 at half cover over the white page is 0.5 * (1 - 60/255) of full ink, brightened by the 1.25 cap.
        assertEquals(128 / 255f * (1 - 60 / 255f) * MnistNormalizer.MAX_GAIN, max(straight), 0.01f);
        assertTrue(sumOfDifferences(straight, premultiplied) < 1, "differs by " + sumOfDifferences(straight, premultiplied));
    }

    /** An opaque white page with a stroke of grey 60 at alpha 128 stored as is (not blended into the page). */
    private static BufferedImage translucentStroke(int type) {
        BufferedImage image = new BufferedImage(200, 200, type);
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.setColor(new Color(60, 60, 60, 128));
        g.setStroke(new BasicStroke(14));
        g.drawLine(60, 40, 90, 160);
        g.dispose();
        return image;
    }

    @Test
    void paleInkIsBrightenedButByAtMostAQuarter() {
        float pale = max(normalize(stroke(200, 200, new Color(153, 153, 153), Color.WHITE, BufferedImage.TYPE_INT_RGB, false)).pixels());
        float dim = max(normalize(stroke(200, 200, new Color(38, 38, 38), Color.WHITE, BufferedImage.TYPE_INT_RGB, false)).pixels());
        assertEquals(0.4f * 1.25f, pale, 0.01f, "a pale stroke stays pale");
        assertEquals(1f, dim, 1e-6f, "a nearly black stroke becomes full ink");
    }

    @Test
    void greySamplesAreReadAsStoredNotThroughAColourSpaceConversion() {
        // getRGB on TYPE_BYTE_GRAY maps a stored 100 to about 170: MNIST's greys would come back brightened.
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 24; y++) {
            for (int x = 10; x < 18; x++) image.getRaster().setSample(x, y, 0, x < 14 ? 255 : 100);
        }
        float[] p = normalize(image).pixels();
        double[] com = centreOfMass(p);
        int row = (int) com[1];
        float full = 0, grey = 0;
        for (int x = 0; x < 28; x++) {
            if (p[row * 28 + x] > 0.99f) full++;
            else if (p[row * 28 + x] > 0) grey = p[row * 28 + x];
        }
        assertEquals(4, full, "the full-ink half keeps its width");
        assertEquals(100 / 255f, grey, 0.01f, "the grey half keeps its stored level");
    }

    @Test
    void blankWhiteBlackGreyAndASpeckGiveNoImage() {
        for (Color c : new Color[] {Color.WHITE, Color.BLACK, Color.GRAY}) {
            assertEquals(Optional.empty(), MnistNormalizer.normalize(plain(200, 200, c)), "uniform " + c);
        }
        BufferedImage speck = plain(200, 200, Color.WHITE);
        speck.setRGB(100, 100, 0);
        assertEquals(Optional.empty(), MnistNormalizer.normalize(speck), "a single dark pixel is not a digit");
        BufferedImage transparent = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        assertEquals(Optional.empty(), MnistNormalizer.normalize(transparent), "a fully transparent image");
    }

    @Test
    void grainOnThePageIsNotInkAndLeavesNoHazeAroundADigit() {
        Random random = new Random(7);
        BufferedImage grainy = plain(200, 200, Color.WHITE);
        addGrain(grainy, 0.85, 0.05, random);
        assertEquals(Optional.empty(), MnistNormalizer.normalize(grainy), "grain alone is no digit");

        BufferedImage digit = stroke(200, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        addGrain(digit, 0.85, 0.05, random);
        float[] clean = normalize(stroke(200, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).pixels();
        NormalizedImage n = normalize(digit);
        assertEquals(20, Math.max(inkBox(n.pixels())[2], inkBox(n.pixels())[3]), 1);
        assertTrue(sumOfDifferences(clean, n.pixels()) < 20, "differs from the clean digit by " + sumOfDifferences(clean, n.pixels()));
        int[] box = inkBox(clean);
        for (int i = 0; i < 784; i++) {
            boolean outside = i % 28 < box[0] - 1 || i % 28 > box[0] + box[2] || i / 28 < box[1] - 1 || i / 28 > box[1] + box[3];
            if (outside) assertEquals(0f, n.pixels()[i], "haze at " + i % 28 + "," + i / 28);
        }
    }

    @Test
    void aSpeckOfDustFarFromTheDigitDoesNotShrinkIt() {
        BufferedImage clean = stroke(300, 300, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        BufferedImage dusty = stroke(300, 300, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dusty.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(285, 285, 3, 3);
        g.dispose();
        float[] expected = normalize(clean).pixels();
        NormalizedImage n = normalize(dusty);
        assertTrue(n.inkBox().x() + n.inkBox().width() < 280, "box " + n.inkBox());
        assertTrue(sumOfDifferences(expected, n.pixels()) < 2, "differs by " + sumOfDifferences(expected, n.pixels()));
    }

    @Test
    void inkAlongTwoWholeEdgesIsStillReadAgainstThePage() {
        // A tight crop: ink covers half the border, so the border's median is ink; the image's is page.
        BufferedImage image = plain(30, 30, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 30, 3);
        g.fillRect(0, 0, 3, 30);
        g.dispose();
        NormalizedImage n = normalize(image);
        assertTrue(n.inverted(), "dark ink on white");
        assertEquals(new NormalizedImage.Box(0, 0, 30, 30), n.inkBox());
    }

    @Test
    void anMnistStyleInputComesBackCloseToItself() {
        NormalizedImage once = normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
        BufferedImage asImage = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 784; i++) asImage.getRaster().setSample(i % 28, i / 28, 0, Math.round(once.pixels()[i] * 255));
        NormalizedImage twice = normalize(asImage);
        double diff = sumOfDifferences(once.pixels(), twice.pixels());
        assertTrue(diff < 6, "an already normalised digit should barely change, changed by " + diff);
        assertFalse(twice.inverted());
    }

    @Test
    void aHugeThinStrokeDoesNotAliasAway() {
        BufferedImage big = new BufferedImage(2000, 2000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2000, 2000);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(30));
        g.drawLine(1000, 200, 1000, 1800);
        g.drawLine(700, 200, 1300, 200);
        g.dispose();
        NormalizedImage n = normalize(big);
        // Area averaging keeps the ink's area: (1600 + 600) x 30 px scaled by (20/1630)^2 is about 10 pixels' worth.
        float inkSum = 0;
        for (float v : n.pixels()) inkSum += v;
        assertTrue(inkSum > 8, "the strokes keep their ink after an 80x reduction: " + inkSum);
        int[] box = inkBox(n.pixels());
        for (int y = box[1]; y < box[1] + box[3]; y++) {
            float row = 0;
            for (int x = 0; x < 28; x++) row += n.pixels()[y * 28 + x];
            assertTrue(row > 0.2f, "the vertical stroke has no gap at row " + y);
        }
    }

    @Test
    void theFourteenByFourteenDegradationGives196AveragedValues() {
        NormalizedImage n = normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
        float[] p = n.pixels();
        float[] input = n.modelInput(Degradation.downsampled());
        assertEquals(196, input.length);
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 14; x++) {
                int i = 2 * y * 28 + 2 * x;
                assertEquals((p[i] + p[i + 1] + p[i + 28] + p[i + 29]) / 4, input[y * 14 + x], 1e-6f);
            }
        }
    }

    @Test
    void aCleanModelGetsThePixelsAndANoisyOneTheSameNoiseEveryTime() {
        NormalizedImage n = normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
        assertArrayEquals(n.pixels(), n.modelInput(Degradation.NONE));
        float[] noisy = n.modelInput(Degradation.noise(0.3));
        assertEquals(784, noisy.length);
        assertArrayEquals(noisy, n.modelInput(Degradation.noise(0.3)));
        assertTrue(sumOfDifferences(n.pixels(), noisy) > 10, "noise was added");
    }

    @Test
    void theRecordCopiesItsPixelsSoCallersCannotChangeIt() {
        NormalizedImage n = normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
        float before = n.pixels()[14 * 28 + 14];
        n.pixels()[14 * 28 + 14] = before + 0.5f;
        assertEquals(before, n.pixels()[14 * 28 + 14]);
        assertEquals(n, normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)), "equal by value");
    }

    // ---- helpers ----

    private static void addGrain(BufferedImage image, double scale, double sigma, Random random) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double v = (image.getRGB(x, y) & 0xff) / 255.0 * scale + random.nextGaussian() * sigma;
                int g = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                image.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
    }

    static double sumOfDifferences(float[] a, float[] b) {
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
        return diff;
    }

    static int[] inkBox(float[] p) {
        int minX = 28, minY = 28, maxX = -1, maxY = -1;
        for (int i = 0; i < 784; i++) {
            if (p[i] > 0.1f) {
                minX = Math.min(minX, i % 28);
                maxX = Math.max(maxX, i % 28);
                minY = Math.min(minY, i / 28);
                maxY = Math.max(maxY, i / 28);
            }
        }
        return new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    static double[] centreOfMass(float[] p) {
        double m = 0, x = 0, y = 0;
        for (int i = 0; i < 784; i++) {
            m += p[i];
            x += p[i] * (i % 28 + 0.5);
            y += p[i] * (i / 28 + 0.5);
        }
        return new double[] {x / m, y / m};
    }

    static float max(float[] p) {
        float m = 0;
        for (float v : p) m = Math.max(m, v);
        return m;
    }
}
