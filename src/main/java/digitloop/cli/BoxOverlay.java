package digitloop.cli;

import digitloop.canvas.DigitReading;
import digitloop.canvas.NumberReading;
import digitloop.model.Prediction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** An image with the boxes of a number reading drawn on it: green answered, amber not sure, red not a digit. */
final class BoxOverlay {
    static final Color ANSWERED = new Color(0x1e, 0xa0, 0x3c);
    static final Color NOT_SURE = new Color(0xf0, 0xa0, 0x00);
    static final Color NOT_A_DIGIT = new Color(0xd0, 0x20, 0x20);

    private BoxOverlay() {
    }

    static BufferedImage draw(BufferedImage source, NumberReading reading) {
        // An RGB copy: the source may be grey or indexed, where green would come out grey.
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int line = Math.max(1, Math.round(Math.max(out.getWidth(), out.getHeight()) / 300f));
            g.setStroke(new BasicStroke(line));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, line * 10)));
            for (DigitReading d : reading.digits()) {
                g.setColor(colour(d.prediction().verdict()));
                var b = d.box();
                g.drawRect(b.x(), b.y(), b.width() - 1, b.height() - 1);
                String text = String.format(java.util.Locale.ROOT, "%c %.0f%%", d.symbol(), d.probability() * 100);
                int ty = b.y() - 2 * line;
                // Below the box when there is no room above it.
                if (ty < g.getFontMetrics().getAscent()) ty = Math.min(out.getHeight() - 1, b.y() + b.height() + g.getFontMetrics().getAscent());
                g.drawString(text, b.x(), ty);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    static Color colour(Prediction.Verdict verdict) {
        return switch (verdict) {
            case ANSWERED -> ANSWERED;
            case NOT_A_DIGIT -> NOT_A_DIGIT;
            default -> NOT_SURE;
        };
    }
}
