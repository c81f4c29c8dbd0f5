package digitloop.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * A white page for drawing with the mouse: 280x280 for one digit, {@value #ROW_WIDTH}x280 for a
 * number in a row. The pen is 26 px wide, chosen by measurement: a 7 drawn 170 px tall, once
 * normalised like MNIST, carries a mean ink of 0.123 against 0.115 for MNIST's test 7s (an 0 drawn
 * 200 px tall: 0.145 against 0.172); 18 px gave 0.092 and 0.101, strokes thinner than the handwriting
 * the model learnt from. The row page keeps the height and the pen, so a digit in a number is drawn
 * as large as a digit alone and normalised the same way.
 */
public final class DrawingCanvas extends JComponent {
    public static final int SIDE = 280;
    /** Room for 6–8 digits each drawn about as large as one digit alone. */
    public static final int ROW_WIDTH = 960;
    /** Space above and below the row page for the labels beside the boxes of digits that reach its edge. */
    static final int LABEL_ROOM = 24;
    static final float PEN = 26f;
    static final float ERASER = 40f;

    /** Something painted over the page, in component coordinates, knowing where the page lies. */
    interface Overlay {
        Overlay NONE = (g, view, width, height) -> { };

        /** {@code width} and {@code height}: the component's, the room there is for labels outside the page. */
        void paint(Graphics2D g, PageView view, int width, int height);
    }

    /**
     * Where the page lies on the component: page pixel (px, py) is drawn at (x + px·scale, y + py·scale).
     * The scale is 1 unless the component is smaller than the page (a narrow window in row mode).
     */
    record PageView(int x, int y, double scale, int pageWidth, int pageHeight) {
        Point toPage(int cx, int cy) {
            return new Point((int) Math.round((cx - x) / scale), (int) Math.round((cy - y) / scale));
        }

        Point toComponent(int px, int py) {
            return new Point((int) Math.round(x + px * scale), (int) Math.round(y + py * scale));
        }

        int shownWidth() { return (int) Math.round(pageWidth * scale); }

        int shownHeight() { return (int) Math.round(pageHeight * scale); }
    }

    private BufferedImage page = blankPage(SIDE);
    private final Runnable onChange;
    private Overlay overlay = Overlay.NONE;
    private boolean erasing;
    private int lastX = -1;
    private int lastY = -1;
    private boolean empty = true;

    public DrawingCanvas(Runnable onChange) {
        this.onChange = onChange;
        setSizes();
        setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
        MouseAdapter mouse = new MouseAdapter() {
            @Override public void mousePressed(MouseEvent e) { stroke(e.getX(), e.getY(), e.getX(), e.getY()); }

            @Override public void mouseDragged(MouseEvent e) { stroke(lastX, lastY, e.getX(), e.getY()); }

            @Override public void mouseReleased(MouseEvent e) { lastX = -1; }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    public void setErasing(boolean erase) { erasing = erase; }

    void setOverlay(Overlay overlay) {
        this.overlay = overlay;
        repaint();
    }

    /**
     * Changes the page's width, keeping what is drawn: a digit moves to the row page's left, where a
     * number starts; from a row, the single page keeps the 280 px around the ink, or the row's first
     * 280 px of ink when the ink is wider. Does not call the change listener: the caller re-reads.
     */
    void setPageWidth(int width) {
        if (width == page.getWidth()) return;
        BufferedImage old = page;
        page = blankPage(width);
        int fromX = width > old.getWidth() ? 0 : keptFrom(old, width);
        Graphics2D g = page.createGraphics();
        g.drawImage(old, -fromX, 0, null);
        g.dispose();
        empty = empty || !hasInk(page);
        setSizes();
        revalidate();
        repaint();
    }

    int pageWidth() { return page.getWidth(); }

    private void setSizes() {
        boolean row = page.getWidth() > SIDE;
        // Two pixels more than the row page, so its frame's sides are not clipped.
        Dimension preferred = row ? new Dimension(page.getWidth() + 2, SIDE + 2 * LABEL_ROOM) : new Dimension(SIDE, SIDE);
        setPreferredSize(preferred);
        // A row page may shrink to half when the window is narrow; the single page never does, as before.
        setMinimumSize(row ? new Dimension(preferred.width / 2, preferred.height / 2) : preferred);
    }

    PageView view() {
        int w = page.getWidth();
        int h = page.getHeight();
        double scale = Math.min(1, Math.min(getWidth() / (double) w, getHeight() / (double) h));
        if (!(scale > 0)) scale = 1;
        int shownW = (int) Math.round(w * scale);
        int shownH = (int) Math.round(h * scale);
        return new PageView((getWidth() - shownW) / 2, (getHeight() - shownH) / 2, scale, w, h);
    }

    /** Draws a line in component coordinates (what the mouse gives). */
    void stroke(int x0, int y0, int x1, int y1) {
        if (x0 < 0) {
            x0 = x1;
            y0 = y1;
        }
        PageView v = view();
        Point from = v.toPage(x0, y0);
        Point to = v.toPage(x1, y1);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(erasing ? Color.WHITE : Color.BLACK);
        g.setStroke(new BasicStroke(erasing ? ERASER : PEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(from.x, from.y, to.x, to.y);
        g.dispose();
        lastX = x1;
        lastY = y1;
        if (!erasing) empty = false;
        repaint();
        onChange.run();
    }

    public void clear() {
        page = blankPage(page.getWidth());
        empty = true;
        repaint();
        onChange.run();
    }

    private static BufferedImage blankPage(int width) {
        BufferedImage p = new BufferedImage(width, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = p.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, SIDE);
        g.dispose();
        return p;
    }

    /** Where a page of {@code width} starts on {@code old} to keep its ink. */
    private static int keptFrom(BufferedImage old, int width) {
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        for (int x = 0; x < old.getWidth(); x++) {
            for (int y = 0; y < old.getHeight(); y++) {
                if ((old.getRGB(x, y) & 0xff) < 250) {
                    minX = Math.min(minX, x);
                    maxX = x;
                    break;
                }
            }
        }
        if (maxX < 0) return 0;
        int from = maxX - minX < width ? (minX + maxX - width) / 2 : minX - 8;
        return Math.max(0, Math.min(old.getWidth() - width, from));
    }

    private static boolean hasInk(BufferedImage p) {
        for (int y = 0; y < p.getHeight(); y++) {
            for (int x = 0; x < p.getWidth(); x++) if ((p.getRGB(x, y) & 0xff) < 250) return true;
        }
        return false;
    }

    /**
     * Replaces the page with a 28×28 digit (ink bright, [0, 1], as the GAN draws it) as dark ink on white,
     * scaled to the page's height and centred: the Generate tab's "classify in Draw".
     */
    public void showDigit(float[] pixels28) {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 28 * 28; i++) {
            int grey = 255 - Math.round(Math.max(0, Math.min(1, pixels28[i])) * 255);
            digit.setRGB(i % 28, i / 28, grey << 16 | grey << 8 | grey);
        }
        page = blankPage(page.getWidth());
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(digit, (page.getWidth() - SIDE) / 2, 0, SIDE, SIDE, null);
        g.dispose();
        empty = !hasInk(page);
        repaint();
        onChange.run();
    }

    /** A copy of the page, safe to hand to a worker thread. */
    public BufferedImage snapshot() {
        BufferedImage copy = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setData(page.getData());
        return copy;
    }

    public boolean isEmpty() { return empty; }

    @Override
    protected void paintComponent(Graphics g) {
        PageView v = view();
        Graphics2D g2 = (Graphics2D) g;
        if (v.scale() == 1) {
            g2.drawImage(page, v.x(), v.y(), null);
        } else {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g2.drawImage(page, v.x(), v.y(), v.shownWidth(), v.shownHeight(), null);
        }
        g2.setColor(Color.GRAY);
        g2.drawRect(v.x() - 1, v.y() - 1, v.shownWidth() + 1, v.shownHeight() + 1);
        overlay.paint(g2, v, getWidth(), getHeight());
    }
}
