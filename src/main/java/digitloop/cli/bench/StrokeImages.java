package digitloop.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** A digit drawn the way the Draw tab draws it: a round black pen on a white 280x280 canvas. */
final class StrokeImages {
    private StrokeImages() {
    }

    static BufferedImage drawnSeven() {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 280, 280);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D seven = new Path2D.Double();
        seven.moveTo(70, 60);
        seven.lineTo(210, 60);
        seven.lineTo(120, 230);
        g.draw(seven);
        g.dispose();
        return image;
    }
}
