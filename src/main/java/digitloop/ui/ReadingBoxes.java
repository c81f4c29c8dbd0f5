package digitloop.ui;

import digitloop.canvas.NumberReading;
import digitloop.overlay.BoxPainter;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/** The boxes of the newest number reading, painted over the canvas's page where the page is shown. */
final class ReadingBoxes implements DrawingCanvas.Overlay {
    /** Thick enough to see at arm's length, padded so the frame does not sit on the stroke's edge. */
    private static final BoxPainter.Style STYLE = new BoxPainter.Style(2f, 15f, 5);

    private NumberReading reading;

    /** null: no boxes. */
    void show(NumberReading reading) { this.reading = reading; }

    NumberReading reading() { return reading; }

    @Override
    public void paint(Graphics2D g, DrawingCanvas.PageView view, int width, int height) {
        if (reading == null || reading.isBlank()) return;
        // NumberReader's boxes are in the page's pixels; the page may be drawn scaled and off the corner.
        BoxPainter.Placement placement = new BoxPainter.Placement(view.scale(), view.x(), view.y());
        BoxPainter.paint(g, reading, placement, STYLE, new Rectangle(0, 0, width, height));
    }
}
