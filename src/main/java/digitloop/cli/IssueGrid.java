package digitloop.cli;

import digitloop.data.Digits;
import digitloop.files.AtomicWrite;
import digitloop.hitl.LabelIssue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** The top of a ranking as one PNG: each image large, with its rank, id and "given → suggested". */
final class IssueGrid {
    private static final int SCALE = 3;
    private static final int CELL = 28 * SCALE;
    private static final int CAPTION = 30;
    private static final int COLUMNS = 10;
    private static final int PAD = 6;

    private IssueGrid() {
    }

    /** The first {@code confident} of {@code issues} are confident learning's; the rest (argmax disagreements) get an amber caption. */
    static void write(Path png, Digits digits, List<LabelIssue> issues, int confident, int count) throws IOException {
        List<LabelIssue> shown = issues.subList(0, Math.min(count, issues.size()));
        int rows = Math.max(1, (shown.size() + COLUMNS - 1) / COLUMNS);
        int w = COLUMNS * (CELL + PAD) + PAD;
        int h = rows * (CELL + CAPTION + PAD) + PAD;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        for (int k = 0; k < shown.size(); k++) {
            LabelIssue e = shown.get(k);
            int x = PAD + (k % COLUMNS) * (CELL + PAD);
            int y = PAD + (k / COLUMNS) * (CELL + CAPTION + PAD);
            float[] px = digits.image(e.index());
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    int v = 255 - Math.round(Math.max(0, Math.min(1, px[r * 28 + c])) * 255);
                    g.setColor(new Color(v, v, v));
                    g.fillRect(x + c * SCALE, y + r * SCALE, SCALE, SCALE);
                }
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x - 1, y - 1, CELL + 1, CELL + 1);
            g.setColor(k < confident ? new Color(0xB00020) : new Color(0xB26A00));
            g.setFont(bold);
            g.drawString(e.given() + " → " + e.suggested(), x + 2, y + CELL + 14);
            g.setColor(Color.DARK_GRAY);
            g.setFont(small);
            g.drawString("#" + e.rank() + " id " + e.id(), x + 2, y + CELL + 27);
        }
        g.dispose();
        AtomicWrite.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
