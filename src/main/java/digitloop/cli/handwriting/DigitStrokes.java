package digitloop.cli.handwriting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Digits written by a synthetic pen: one stroke template per digit in a 100×100 box, its control points
 * jittered, slanted, narrowed or widened and turned at random, drawn with a round pen of a given width on
 * white paper. No model trains on these: they are handwriting of another hand than MNIST's writers'.
 */
final class DigitStrokes {
    /** Pen widths as a share of the digit's height: a fine pen, MNIST's own, a marker. */
    static final double[] PEN_WIDTHS = {0.05, 0.11, 0.2};

    private DigitStrokes() {
    }

    /** Digit {@code digit} drawn on a 112×112 white page in black ink. */
    static BufferedImage draw(int digit, double penWidth, SplittableRandom random) {
        AffineTransform t = new AffineTransform();
        t.translate(PAGE / 2.0, PAGE / 2.0);
        t.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 10));
        t.shear(-(random.nextDouble() * 2 - 1) * 0.35, 0);
        double height = PAGE * 0.7 / 100;
        t.scale(height * (0.75 + random.nextDouble() * 0.45), height);
        t.translate(-50, -50);
        return page(template(digit, random), t, penWidth * 100);
    }

    /** The side of the page a digit is drawn on. */
    static final int PAGE = 112;

    /** {@code stroke} (in its 100×100 box) placed on a white page by {@code placement}, with a round pen {@code pen} units wide. */
    static BufferedImage page(Path2D stroke, AffineTransform placement, double pen) {
        BufferedImage image = new BufferedImage(PAGE, PAGE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PAGE, PAGE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.transform(placement);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(stroke);
        g.dispose();
        return image;
    }

    /** The digit's stroke, every control point moved by up to 4 units of 100. */
    static Path2D template(int digit, SplittableRandom r) {
        Path2D p = new Path2D.Double();
        switch (digit) {
            case 0 -> ellipse(p, 50, 50, 27, 40, r);
            case 1 -> {
                p.moveTo(j(36, r), j(26, r));
                p.lineTo(j(56, r), j(8, r));
                p.lineTo(j(54, r), j(92, r));
            }
            case 2 -> {
                p.moveTo(j(24, r), j(30, r));
                p.curveTo(j(30, r), j(2, r), j(82, r), j(6, r), j(70, r), j(40, r));
                p.lineTo(j(22, r), j(90, r));
                p.lineTo(j(80, r), j(88, r));
            }
            case 3 -> {
                p.moveTo(j(24, r), j(16, r));
                p.curveTo(j(70, r), j(-2, r), j(88, r), j(44, r), j(44, r), j(48, r));
                p.curveTo(j(92, r), j(52, r), j(82, r), j(104, r), j(20, r), j(84, r));
            }
            case 4 -> {
                p.moveTo(j(60, r), j(8, r));
                p.lineTo(j(18, r), j(66, r));
                p.lineTo(j(82, r), j(64, r));
                p.moveTo(j(64, r), j(32, r));
                p.lineTo(j(62, r), j(94, r));
            }
            case 5 -> {
                p.moveTo(j(76, r), j(10, r));
                p.lineTo(j(32, r), j(10, r));
                p.lineTo(j(28, r), j(46, r));
                p.curveTo(j(62, r), j(30, r), j(90, r), j(58, r), j(70, r), j(82, r));
                p.curveTo(j(58, r), j(96, r), j(34, r), j(94, r), j(22, r), j(82, r));
            }
            case 6 -> {
                p.moveTo(j(70, r), j(8, r));
                p.curveTo(j(28, r), j(24, r), j(16, r), j(74, r), j(40, r), j(90, r));
                p.curveTo(j(62, r), j(102, r), j(88, r), j(72, r), j(66, r), j(56, r));
                p.curveTo(j(50, r), j(46, r), j(28, r), j(54, r), j(26, r), j(72, r));
            }
            case 7 -> {
                p.moveTo(j(18, r), j(12, r));
                p.lineTo(j(82, r), j(12, r));
                p.lineTo(j(40, r), j(92, r));
            }
            case 8 -> {
                ellipse(p, 50, 29, 21, 19, r);
                ellipse(p, 50, 70, 26, 22, r);
            }
            case 9 -> {
                ellipse(p, 46, 32, 23, 21, r);
                p.moveTo(j(69, r), j(30, r));
                p.curveTo(j(70, r), j(58, r), j(64, r), j(80, r), j(52, r), j(94, r));
            }
            default -> throw new IllegalArgumentException("a digit is 0-9, got " + digit);
        }
        return p;
    }

    static void ellipse(Path2D p, double cx, double cy, double rx, double ry, SplittableRandom r) {
        int points = 16;
        double start = r.nextDouble() * 0.6;
        for (int k = 0; k <= points; k++) {
            double a = start + 2 * Math.PI * k / points;
            double x = cx + rx * Math.cos(a) + (k < points ? (r.nextDouble() * 2 - 1) * 2 : 0);
            double y = cy + ry * Math.sin(a) + (k < points ? (r.nextDouble() * 2 - 1) * 2 : 0);
            if (k == 0) p.moveTo(x, y); else p.lineTo(x, y);
        }
    }

    static double j(double v, SplittableRandom r) {
        return v + (r.nextDouble() * 2 - 1) * 4;
    }
}
