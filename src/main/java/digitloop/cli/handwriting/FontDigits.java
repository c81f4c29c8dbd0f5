package digitloop.cli.handwriting;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Digits typeset in the handwriting-like and plain fonts this machine has, each turned and slanted a little. */
final class FontDigits {
    /** Debian's handwriting-style fonts (fonts-humor-sans, fonts-comic-neue, fonts-dancingscript) and two plain ones. */
    static final List<String> FAMILIES = List.of("Humor Sans", "Comic Neue", "Dancing Script", "DejaVu Sans", "DejaVu Serif");

    private FontDigits() {
    }

    /** The families of {@link #FAMILIES} installed here (the experiment says which were missing). */
    static List<String> installed() {
        Set<String> here = Set.copyOf(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        return FAMILIES.stream().filter(here::contains).toList();
    }

    static BufferedImage draw(int digit, String family, boolean bold, SplittableRandom random) {
        int side = 112;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(family, bold ? Font.BOLD : Font.PLAIN, 80));
        g.translate(side / 2.0, side / 2.0);
        g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 8));
        g.shear(-(random.nextDouble() * 2 - 1) * 0.2, 0);
        FontMetrics fm = g.getFontMetrics();
        String text = String.valueOf(digit);
        g.setColor(Color.BLACK);
        g.drawString(text, -fm.stringWidth(text) / 2f, (fm.getAscent() - fm.getDescent()) / 2f);
        g.dispose();
        return image;
    }
}
