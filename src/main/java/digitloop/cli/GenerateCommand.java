package digitloop.cli;

import digitloop.files.AppHome;
import digitloop.gan.GanFile;
import digitloop.gan.GanSpec;
import digitloop.gan.Generator;
import digitloop.gan.SampleGrid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Draw digits of a chosen label with a trained generator.",
                "--out FILE.png writes one grid (with --label all: a row per label, --count columns); any other --out is a "
                        + "folder that gets one PNG per digit, <label>-<n>.png."})
public final class GenerateCommand implements Callable<Integer> {
    /** Digits of one label a grid holds at most; more go to a folder. */
    static final int MAX_COUNT = 10_000;

    @Option(names = "--model", description = "Generator file (default: models/gan.zip of the app).")
    Path model = AppHome.resolve("models", "gan.zip");

    @Option(names = "--label", required = true, description = "The digit to draw, 0-9, or 'all' for every label.")
    String label;

    @Option(names = "--count", description = "Digits to draw (per label with --label all) (default: ${DEFAULT-VALUE}).")
    int count = 64;

    @Option(names = "--seed", description = "Seed of the noise: the same seed draws the same digits (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--truncation", description = "Factor on the noise: below 1 more typical digits, above 1 more varied (default: ${DEFAULT-VALUE}).")
    double truncation = 1.0;

    @Option(names = "--same-noise", description = "With --label all: the same noise for every label, so each column keeps one style.")
    boolean sameNoise;

    @Option(names = "--scale", description = "Pixels per MNIST pixel in the PNGs (default: ${DEFAULT-VALUE}).")
    int scale = 2;

    @Option(names = "--out", required = true, description = "A .png for one grid, or a folder for one PNG per digit.")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean all = label.equalsIgnoreCase("all");
        int digit = all ? -1 : parseLabel(label);
        if (count < 1 || count > MAX_COUNT) throw new IllegalArgumentException("--count must be 1-" + MAX_COUNT + ", got " + count);
        if (!(truncation >= 0 && truncation <= 3)) throw new IllegalArgumentException("--truncation must be 0-3, got " + truncation);
        if (scale < 1 || scale > 16) throw new IllegalArgumentException("--scale must be 1-16, got " + scale);
        boolean grid = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        if (grid) {
            OutputFile.requireWritable(out);
        } else {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException(out + " is a file but not a .png; give a .png for a grid or a folder for one PNG per digit");
            }
            OutputFile.requireWritable(out.resolve("x.png"));
        }
        Generator generator = GanFile.load(model).generator();
        int[] labels;
        float[] images;
        if (all) {
            labels = Generator.labelsOf(count);
            images = generator.generate(labels, generator.noiseForAll(count, seed, sameNoise), truncation);
        } else {
            labels = new int[count];
            Arrays.fill(labels, digit);
            images = generator.generate(labels, generator.noise(seed, count), truncation);
        }
        if (grid) {
            int columns = all ? count : (int) Math.ceil(Math.sqrt(count));
            GanPng.write(out, SampleGrid.tile(images, columns), scale);
            System.out.printf(Locale.ROOT, "Wrote %d digits (%s) to %s%n", labels.length, all ? "labels 0-9, " + count + " each" : "label " + digit, out);
        } else {
            int[] seen = new int[GanSpec.LABELS];
            for (int i = 0; i < labels.length; i++) {
                float[] one = Arrays.copyOfRange(images, i * GanSpec.PIXELS, (i + 1) * GanSpec.PIXELS);
                GanPng.write(out.resolve(String.format(Locale.ROOT, "%d-%04d.png", labels[i], seen[labels[i]]++)),
                        one, GanSpec.SIDE, GanSpec.SIDE, scale);
            }
            System.out.printf(Locale.ROOT, "Wrote %d PNGs to %s%n", labels.length, out);
        }
        return 0;
    }

    private static int parseLabel(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= 9) return value;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("--label must be a digit 0-9 or 'all', got '" + text + "'");
    }
}
