package digitloop.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.BiConsumer;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** A heat map of the confusion matrix (rows actual, columns predicted); clicking a cell reports it. */
public final class ConfusionMatrixView extends JComponent {
    private static final int HEADER = 28;
    private int[][] matrix = new int[10][10];
    private int selectedRow = -1;
    private int selectedColumn = -1;

    public ConfusionMatrixView(BiConsumer<Integer, Integer> onCell) {
        setPreferredSize(new Dimension(460, 460));
        setToolTipText("");
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int[] cell = cellAt(e.getX(), e.getY());
                if (cell == null) return;
                selectedRow = cell[0];
                selectedColumn = cell[1];
                repaint();
                onCell.accept(cell[0], cell[1]);
            }
        });
    }

    /** The counts shown, rows actual, columns predicted (a copy). */
    public int[][] matrix() {
        int[][] copy = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) copy[i] = matrix[i].clone();
        return copy;
    }

    public void setMatrix(int[][] m) {
        matrix = m;
        repaint();
    }

    /** Centre of cell (actual, predicted) in component coordinates, for tests and keyboard users. */
    public java.awt.Point cellCentre(int actual, int predicted) {
        int cell = cellSize();
        return new java.awt.Point(HEADER + predicted * cell + cell / 2, HEADER + actual * cell + cell / 2);
    }

    private int cellSize() {
        return Math.max(10, (Math.min(getWidth(), getHeight()) - HEADER) / 10);
    }

    private int[] cellAt(int x, int y) {
        int cell = cellSize();
        int c = (x - HEADER) / cell;
        int r = (y - HEADER) / cell;
        return x < HEADER || y < HEADER || r > 9 || c > 9 ? null : new int[] {r, c};
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int[] cell = cellAt(e.getX(), e.getY());
        return cell == null ? null : "actual " + cell[0] + ", predicted " + cell[1] + ": " + matrix[cell[0]][cell[1]] + " images";
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int cell = cellSize();
        int maxOff = 1;
        int maxDiag = 1;
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                if (r == c) maxDiag = Math.max(maxDiag, matrix[r][c]); else maxOff = Math.max(maxOff, matrix[r][c]);
            }
        }
        Color fg = UIManager.getColor("Label.foreground");
        FontMetrics fm = g2.getFontMetrics();
        for (int i = 0; i < 10; i++) {
            g2.setColor(fg);
            g2.drawString(String.valueOf(i), HEADER + i * cell + cell / 2 - 3, HEADER - 8);
            g2.drawString(String.valueOf(i), HEADER - 16, HEADER + i * cell + cell / 2 + fm.getAscent() / 2 - 2);
        }
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                int v = matrix[r][c];
                // Diagonal in green, errors in red, each scaled to its own maximum so rare mistakes still show.
                float t = r == c ? (float) v / maxDiag : (float) Math.sqrt((double) v / maxOff);
                Color base = r == c ? new Color(0x2E8B57) : new Color(0xC0392B);
                Color fill = v == 0 ? new Color(0, 0, 0, 0) : new Color(base.getRed(), base.getGreen(), base.getBlue(),
                        (int) (40 + 215 * t));
                int x = HEADER + c * cell;
                int y = HEADER + r * cell;
                g2.setColor(fill);
                g2.fillRect(x, y, cell - 1, cell - 1);
                g2.setColor(t > 0.6f ? Color.WHITE : fg);
                String s = String.valueOf(v);
                g2.drawString(s, x + (cell - fm.stringWidth(s)) / 2, y + (cell + fm.getAscent()) / 2 - 2);
                if (r == selectedRow && c == selectedColumn) {
                    g2.setColor(fg);
                    g2.drawRect(x, y, cell - 2, cell - 2);
                }
            }
        }
        g2.dispose();
    }
}
