package digitloop.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MnistNormalizerTest {

    static BufferedImage stroke(int w, int h, Color ink, Color page, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(page);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        g.setStroke(new BasicStroke(Math.max(2, h / 14f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(w / 3, h / 5, w / 3 + w / 6, h * 4 / 5);
        g.drawLine(w / 3, h / 5, w / 2 + w / 8, h / 4);
        g.dispose();
        return image;
    }

    @Test
    void darkInkOnWhiteBecomesBrightInkWhoseLongerSideIs20AndWhoseMassIsCentred() {
        NormalizedImage n = MnistNormalizer.normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).orElseThrow();

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
    void polarityDoesNotMatterWhiteOnBlackGivesTheSameInput() {
        float[] dark = MnistNormalizer.normalize(stroke(300, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).orElseThrow().pixels();
        NormalizedImage light = MnistNormalizer.normalize(stroke(300, 200, Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB)).orElseThrow();
        assertFalse(light.inverted());
        double diff = 0;
        for (int i = 0; i < 784; i++) diff += Math.abs(dark[i] - light.pixels()[i]);
        assertTrue(diff < 5, "sum of differences " + diff);
    }

    @Test
    void colourAndTransparencyWork() {
        BufferedImage argb = stroke(240, 240, new Color(0, 0, 160), new Color(0, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);
        NormalizedImage n = MnistNormalizer.normalize(argb).orElseThrow();
        assertTrue(n.inverted(), "transparent page counts as white paper");
        assertTrue(max(n.pixels()) > 0.5f);
    }

    @Test
    void blankWhiteBlackGreyAndASpeckGiveNoImage() {
        for (Color c : new Color[] {Color.WHITE, Color.BLACK, Color.GRAY}) {
            BufferedImage plain = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = plain.createGraphics();
            g.setColor(c);
            g.fillRect(0, 0, 200, 200);
            g.dispose();
            assertEquals(Optional.empty(), MnistNormalizer.normalize(plain), "uniform " + c);
        }
        BufferedImage speck = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = speck.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        speck.setRGB(100, 100, 0);
        assertEquals(Optional.empty(), MnistNormalizer.normalize(speck), "a single dark pixel is not a digit");
    }

    @Test
    void anMnistStyleInputComesBackCloseToItself() {
        NormalizedImage once = MnistNormalizer.normalize(stroke(280, 280, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)).orElseThrow();
        BufferedImage asImage = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 784; i++) asImage.getRaster().setSample(i % 28, i / 28, 0, Math.round(once.pixels()[i] * 255));
        NormalizedImage twice = MnistNormalizer.normalize(asImage).orElseThrow();
        double diff = 0;
        for (int i = 0; i < 784; i++) diff += Math.abs(once.pixels()[i] - twice.pixels()[i]);
        assertTrue(diff < 25, "an already normalised digit should barely change, changed by " + diff);
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
        NormalizedImage n = MnistNormalizer.normalize(big).orElseThrow();
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
