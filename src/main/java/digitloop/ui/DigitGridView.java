package digitloop.ui;

import digitloop.gan.GanSpec;
import digitloop.gan.SampleGrid;
import digitloop.overlay.DigitGridPicture;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.function.IntConsumer;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A grid of generated digits, white on black as MNIST keeps them, scaled to fit; with a selection, a click
 * picks a cell (framed in the theme's accent).
 */
final class DigitGridView extends JComponent {
    private final boolean selectable;
    private SampleGrid grid;
    private BufferedImage picture;
    private int selected = -1;
    private IntConsumer onSelect = i -> { };

    DigitGridView(int preferredSide, boolean selectable) {
        this.selectable = selectable;
        setPreferredSize(new Dimension(preferredSide, preferredSide));
        setMinimumSize(new Dimension(preferredSide / 2, preferredSide / 2));
        if (selectable) {
            addMouseListener(new MouseAdapter() {
                @Override public void mousePressed(MouseEvent e) { select(cellAt(e.getX(), e.getY())); }
            });
        }
    }

    void onSelect(IntConsumer listener) { onSelect = listener; }

    void setGrid(SampleGrid g) {
        grid = g;
        picture = g == null ? null : DigitGridPicture.of(g.pixels(), g.width(), g.height(), 1);
        if (g == null || selected >= g.rows() * g.columns()) selected = g == null ? -1 : 0;
        if (selected < 0 && g != null && selectable) selected = 0;
        repaint();
    }

    SampleGrid grid() { return grid; }

    int selected() { return selected; }

    /** The selected digit's 784 pixels, or null. */
    float[] selectedDigit() {
        if (grid == null || selected < 0) return null;
        float[] digit = new float[GanSpec.PIXELS];
        int top = (selected / grid.columns()) * GanSpec.SIDE;
        int left = (selected % grid.columns()) * GanSpec.SIDE;
        for (int y = 0; y < GanSpec.SIDE; y++) System.arraycopy(grid.pixels(), (top + y) * grid.width() + left, digit, y * GanSpec.SIDE, GanSpec.SIDE);
        return digit;
    }

    void select(int cell) {
        if (grid == null || cell < 0 || cell >= grid.rows() * grid.columns()) return;
        selected = cell;
        repaint();
        onSelect.accept(cell);
    }

    private double scale() {
        if (grid == null) return 1;
        return Math.min((double) getWidth() / grid.width(), (double) getHeight() / grid.height());
    }

    int cellAt(int x, int y) {
        if (grid == null) return -1;
        double s = scale();
        int column = (int) ((x - offsetX(s)) / (GanSpec.SIDE * s));
        int row = (int) ((y - offsetY(s)) / (GanSpec.SIDE * s));
        if (column < 0 || row < 0 || column >= grid.columns() || row >= grid.rows()) return -1;
        return row * grid.columns() + column;
    }

    private double offsetX(double s) { return (getWidth() - grid.width() * s) / 2; }

    private double offsetY(double s) { return (getHeight() - grid.height() * s) / 2; }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        if (picture == null) {
            g2.setColor(UIManager.getColor("Label.disabledForeground"));
            g2.drawString("No digits yet", 10, 20);
            g2.dispose();
            return;
        }
        double s = scale();
        int x = (int) offsetX(s);
        int y = (int) offsetY(s);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(picture, x, y, (int) (grid.width() * s), (int) (grid.height() * s), null);
        if (selectable && selected >= 0) {
            Color accent = UIManager.getColor("Component.accentColor");
            g2.setColor(accent == null ? new Color(0x2675BF) : accent);
            g2.setStroke(new BasicStroke(2f));
            int cell = (int) (GanSpec.SIDE * s);
            g2.drawRect(x + (selected % grid.columns()) * cell, y + (selected / grid.columns()) * cell, cell - 1, cell - 1);
        }
        g2.dispose();
    }
}
