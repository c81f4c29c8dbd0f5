package digitloop.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/** Shows a square grey image (floats in [0,1], ink bright) scaled up with visible pixels, framed if asked. */
public final class DigitImage extends JComponent {
    private BufferedImage image;
    private float[] pixels;
    private Color frame;

    public DigitImage(int preferredSide) {
        setPreferredSize(new Dimension(preferredSide, preferredSide));
    }

    public void setPixels(float[] pixels) {
        this.pixels = pixels == null ? null : pixels.clone();
        if (pixels == null) {
            image = null;
        } else {
            int side = (int) Math.round(Math.sqrt(pixels.length));
            BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 0; i < pixels.length; i++) {
                img.getRaster().setSample(i % side, i / side, 0, Math.round(Math.max(0, Math.min(1, pixels[i])) * 255));
            }
            image = img;
        }
        repaint();
    }

    public boolean hasImage() { return image != null; }

    /** The pixels shown (a copy), or null. */
    public float[] pixels() { return pixels == null ? null : pixels.clone(); }

    public Color frame() { return frame; }

    public void setFrame(Color color) {
        frame = color;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        int side = Math.min(getWidth(), getHeight());
        int x = (getWidth() - side) / 2;
        int y = (getHeight() - side) / 2;
        g2.setColor(Color.BLACK);
        g2.fillRect(x, y, side, side);
        if (image != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g2.drawImage(image, x, y, side, side, null);
        }
        if (frame != null) {
            g2.setColor(frame);
            g2.setStroke(new java.awt.BasicStroke(4));
            g2.drawRect(x + 2, y + 2, side - 4, side - 4);
        }
        g2.dispose();
    }
}
