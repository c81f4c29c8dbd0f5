package digitloop.canvas;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Images that hold no digit, dark on white like a scan: capital letters that do not resemble a
 * digit, geometric shapes, scribbles, photo-like smooth blobs and pixel noise. For measuring how
 * often the model says "not sure" where it should.
 */
public final class NonDigitImages {
    /** Letters with no digit look-alike (no O, I, S, Z, B, G, L, T...). */
    static final String LETTERS = "ACEFHKMNPRUVWXY";

    private NonDigitImages() {
    }

    public record Sample(String kind, BufferedImage image) {
    }

    public static List<Sample> make(int perKind, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            samples.add(new Sample("letter", letter(LETTERS.charAt(i % LETTERS.length()), random)));
            samples.add(new Sample("shape", shape(i % 4, random)));
            samples.add(new Sample("scribble", scribble(random)));
            samples.add(new Sample("photo", photo(random)));
            samples.add(new Sample("noise", noise(random)));
        }
        return samples;
    }

    private static Graphics2D page(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    static BufferedImage letter(char c, Random random) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page(image);
        g.setFont(new Font(random.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, Font.BOLD, 120 + random.nextInt(30)));
        g.drawString(String.valueOf(c), 40 + random.nextInt(20), 150 + random.nextInt(20));
        g.dispose();
        return image;
    }

    static BufferedImage shape(int kind, Random random) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page(image);
        int s = 100 + random.nextInt(40);
        switch (kind) {
            case 0 -> g.fillRect(30, 40, s, s - 30);
            case 1 -> {
                Path2D star = new Path2D.Double();
                for (int k = 0; k < 10; k++) {
                    double r = k % 2 == 0 ? s / 2.0 : s / 5.0;
                    double a = Math.PI * k / 5;
                    double x = 100 + r * Math.sin(a);
                    double y = 100 - r * Math.cos(a);
                    if (k == 0) star.moveTo(x, y); else star.lineTo(x, y);
                }
                star.closePath();
                g.fill(star);
            }
            case 2 -> {
                g.setStroke(new BasicStroke(14));
                g.drawLine(30, 30, 170, 170);
                g.drawLine(170, 30, 30, 170);
                g.drawLine(100, 20, 100, 180);
            }
            default -> {
                g.setStroke(new BasicStroke(12));
                g.drawRect(40, 40, s - 20, s - 20);
                g.drawLine(40, 40, 40 + s - 20, 40 + s - 20);
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage scribble(Random random) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page(image);
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Double();
        path.moveTo(20 + random.nextInt(160), 20 + random.nextInt(160));
        for (int k = 0; k < 12; k++) path.lineTo(20 + random.nextInt(160), 20 + random.nextInt(160));
        g.draw(path);
        g.dispose();
        return image;
    }

    static BufferedImage photo(Random random) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        double[][] centres = new double[6][3];
        for (double[] c : centres) {
            c[0] = random.nextDouble() * 200;
            c[1] = random.nextDouble() * 200;
            c[2] = 20 + random.nextDouble() * 60;
        }
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                double v = 0.85;
                for (double[] c : centres) {
                    double d2 = ((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1])) / (c[2] * c[2]);
                    v -= 0.5 * Math.exp(-d2);
                }
                int grey = (int) Math.max(0, Math.min(255, v * 255));
                image.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        return image;
    }

    static BufferedImage noise(Random random) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int grey = random.nextDouble() < 0.3 ? random.nextInt(128) : 200 + random.nextInt(56);
                image.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        return image;
    }
}
