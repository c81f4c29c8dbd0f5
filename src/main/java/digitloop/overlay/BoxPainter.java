package digitloop.overlay;

import digitloop.canvas.DigitReading;
import digitloop.canvas.NormalizedImage;
import digitloop.canvas.NumberReading;
import digitloop.model.Prediction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.Locale;

/**
 * Draws the boxes of a number reading and a label beside each: green answered, amber not sure, red
 * not a digit. One painter for the image files {@code predict --multi --boxes} writes and for the
 * Draw tab's canvas, so both say the same thing in the same colours.
 */
public final class BoxPainter {
    public static final Color ANSWERED = new Color(0x1e, 0xa0, 0x3c);
    public static final Color NOT_SURE = new Color(0xf0, 0xa0, 0x00);
    public static final Color NOT_A_DIGIT = new Color(0xd0, 0x20, 0x20);

    /**
     * How boxes look where they are drawn.
     *
     * @param line     stroke width in target pixels
     * @param fontSize label size in target pixels
     * @param padding  target pixels between the ink and its box, so the frame does not hide the stroke's edge
     */
    public record Style(float line, float fontSize, int padding) {
        /** Scaled to the image: a 3,000 px photo needs thicker lines than a 280 px drawing to show them at all. */
        public static Style forImage(int width, int height) {
            int line = Math.max(1, Math.round(Math.max(width, height) / 300f));
            return new Style(line, Math.max(10, line * 10), 0);
        }
    }

    /** Where the reading's image lands on the target: target = image × scale + offset. */
    public record Placement(double scale, double offsetX, double offsetY) {
        public static final Placement IDENTITY = new Placement(1, 0, 0);

        public Placement {
            if (!(scale > 0)) throw new IllegalArgumentException("scale must be positive: " + scale);
        }

        /** The box in target pixels; its far edges are mapped too, so a scaled box covers the same ink. */
        public Rectangle map(NormalizedImage.Box b) {
            int x0 = (int) Math.floor(b.x() * scale + offsetX);
            int y0 = (int) Math.floor(b.y() * scale + offsetY);
            int x1 = (int) Math.ceil((b.x() + b.width()) * scale + offsetX);
            int y1 = (int) Math.ceil((b.y() + b.height()) * scale + offsetY);
            return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        }
    }

    private BoxPainter() {
    }

    public static Color colour(Prediction.Verdict verdict) {
        return switch (verdict) {
            case ANSWERED -> ANSWERED;
            case NOT_A_DIGIT -> NOT_A_DIGIT;
            default -> NOT_SURE;
        };
    }

    /** "7 99%" when answered; "7? 62%" otherwise, the best guess with its doubt, which the colour tells apart. */
    public static String label(DigitReading d) {
        Prediction p = d.prediction();
        String digit = d.answered() ? String.valueOf(p.label()) : p.bestGuess() + String.valueOf(NumberReading.NOT_SURE);
        return String.format(Locale.ROOT, "%s %.0f%%", digit, d.probability() * 100);
    }

    /**
     * Draws every digit's box and label. A label goes above its box, below it when there is no room
     * above, inside its top when neither, and is kept within {@code bounds} so it is never cut off.
     */
    public static void paint(Graphics2D g, NumberReading reading, Placement placement, Style style, Rectangle bounds) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setStroke(new BasicStroke(style.line()));
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(style.fontSize()));
            FontMetrics fm = g2.getFontMetrics();
            int gap = Math.max(2, Math.round(style.line() * 2));
            for (DigitReading d : reading.digits()) {
                Rectangle r = placement.map(d.box());
                r.grow(style.padding(), style.padding());
                g2.setColor(colour(d.prediction().verdict()));
                g2.drawRect(r.x, r.y, r.width - 1, r.height - 1);
                String text = label(d);
                int ty = r.y - gap - fm.getDescent();
                if (ty - fm.getAscent() < bounds.y) ty = r.y + r.height + gap + fm.getAscent();
                if (ty + fm.getDescent() > bounds.y + bounds.height) ty = r.y + gap + fm.getAscent();
                int tx = Math.max(bounds.x, Math.min(r.x, bounds.x + bounds.width - fm.stringWidth(text)));
                g2.drawString(text, tx, ty);
            }
        } finally {
            g2.dispose();
        }
    }
}
