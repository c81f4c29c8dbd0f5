package digitloop.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** Ten horizontal bars, one per digit, the most probable highlighted. */
public final class ProbabilityBars extends JComponent {
    private float[] probabilities = new float[10];
    private int highlight = -1;

    public ProbabilityBars() {
        setPreferredSize(new Dimension(260, 230));
    }

    public void setProbabilities(float[] p, int highlighted) {
        probabilities = p == null ? new float[10] : p.clone();
        highlight = highlighted;
        repaint();
    }

    public float[] probabilities() { return probabilities.clone(); }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = g2.getFontMetrics();
        // All ten rows always show: in a short window they get thinner, down to the digits' own height.
        int rowH = Math.max(fm.getAscent() + 2, getHeight() / 10);
        int labelW = fm.stringWidth("9") + 10;
        int valueW = fm.stringWidth("100.0 %") + 8;
        int barW = Math.max(10, getWidth() - labelW - valueW);
        Color text = UIManager.getColor("Label.foreground");
        Color track = UIManager.getColor("ProgressBar.background");
        Color accent = UIManager.getColor("Component.accentColor");
        if (accent == null) accent = new Color(0x2675BF);
        for (int d = 0; d < 10; d++) {
            int y = d * rowH;
            g2.setColor(text);
            g2.drawString(String.valueOf(d), 2, y + (rowH + fm.getAscent()) / 2 - 2);
            g2.setColor(track == null ? new Color(0xE0E0E0) : track);
            g2.fillRoundRect(labelW, y + 3, barW, rowH - 6, 6, 6);
            g2.setColor(d == highlight ? accent : new Color(0x8FA8C8));
            g2.fillRoundRect(labelW, y + 3, Math.round(barW * probabilities[d]), rowH - 6, 6, 6);
            g2.setColor(text);
            g2.drawString(String.format(Locale.ROOT, "%.1f %%", probabilities[d] * 100), labelW + barW + 6,
                    y + (rowH + fm.getAscent()) / 2 - 2);
        }
        g2.dispose();
    }
}
