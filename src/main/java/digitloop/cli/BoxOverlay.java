package digitloop.cli;

import digitloop.canvas.NumberReading;
import digitloop.overlay.BoxPainter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** An image file's copy with the boxes of a number reading drawn on it, by the painter the Draw tab uses too. */
final class BoxOverlay {
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
            BoxPainter.paint(g, reading, BoxPainter.Placement.IDENTITY, BoxPainter.Style.forImage(out.getWidth(), out.getHeight()),
                    new Rectangle(0, 0, out.getWidth(), out.getHeight()));
        } finally {
            g.dispose();
        }
        return out;
    }
}
