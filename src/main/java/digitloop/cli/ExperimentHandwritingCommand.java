package digitloop.cli;

import digitloop.cli.handwriting.HandwritingReport;
import digitloop.cli.handwriting.HandwritingTestSet;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.model.ModelFile;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment handwriting}: models on digits that do not look like MNIST's, and on non-digits. */
@Command(name = "handwriting", mixinStandardHelpOptions = true,
        description = {"Builds a test set no model trains on — a synthetic pen at three widths, digits typeset in handwriting-like "
                + "fonts, MNIST test digits restyled (thick, thin, slanted, filling the box, faint) — and non-digit sketches, and "
                + "reports for each --model: accuracy, the share answered (not \"not sure\") and accuracy on the answered, by kind of "
                + "image, and the share of non-digits rejected. Writes the table between the markers of --out."})
public final class ExperimentHandwritingCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- handwriting table: begin -->";
    static final String END = "<!-- handwriting table: end -->";

    @Option(names = "--model", description = "Model file; repeat to compare (default: models/cnn.zip).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--per-kind", description = "Images of each kind (default: ${DEFAULT-VALUE}).")
    int perKind = 200;

    @Option(names = "--seed", description = "Seed of the images (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", description = "Markdown file for the table (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("docs", "handwriting.md");

    @Option(names = "--grid", description = "Also write a PNG of the first 20 images of each kind, one row per kind.")
    Path grid;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        if (models.isEmpty()) models = List.of(AppHome.resolve("models", "cnn.zip"));
        long started = System.nanoTime();
        HandwritingTestSet set = HandwritingTestSet.build(data.ready().test(), perKind, seed);
        List<HandwritingReport> reports = new ArrayList<>();
        for (Path model : models) reports.add(HandwritingReport.of(model.getFileName().toString(), ModelFile.load(model), set));
        String table = String.format(Locale.ROOT, "%,d digit images of %d kinds and %,d non-digits, seed %d, %.0f s "
                        + "(`./digitloop experiment handwriting%s --per-kind %d --seed %d`).%n%n", set.digits().size(), set.kinds().size(),
                set.nonDigits().size(), seed, (System.nanoTime() - started) / 1e9, modelOptions(), perKind, seed) + HandwritingReport.table(reports);
        AtomicWrite.write(out, MarkedSection.replace(out, BEGIN, END, table).getBytes(StandardCharsets.UTF_8));
        if (grid != null) writeGrid(set, grid);
        System.out.print(table);
        System.out.println("Wrote " + out + (grid != null ? " and " + grid : ""));
        return 0;
    }

    private String modelOptions() {
        StringBuilder s = new StringBuilder();
        for (Path m : models) {
            Path shown = m.toAbsolutePath().startsWith(AppHome.folder().toAbsolutePath()) ? AppHome.folder().toAbsolutePath().relativize(m.toAbsolutePath()) : m;
            s.append(" --model ").append(shown);
        }
        return s.toString();
    }

    /** One row per kind of image (and one of non-digits), 20 images each, 2× size, ink bright as the model sees it. */
    static void writeGrid(HandwritingTestSet set, Path file) throws java.io.IOException {
        List<String> kinds = set.kinds();
        int cell = 56;
        int columns = 20;
        BufferedImage img = new BufferedImage(columns * cell, (kinds.size() + 1) * cell, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row <= kinds.size(); row++) {
            List<float[]> images = new ArrayList<>();
            if (row < kinds.size()) {
                for (int i = 0; i < set.digits().size() && images.size() < columns; i++) {
                    if (set.sources().get(i).equals(kinds.get(row))) images.add(set.digits().image(i));
                }
            } else {
                Digits non = set.nonDigits();
                for (int i = 0; i < Math.min(columns, non.size()); i++) images.add(non.image(i));
            }
            for (int c = 0; c < images.size(); c++) paint(img, images.get(c), c * cell, row * cell, cell / 28);
        }
        AtomicWrite.writeAt(file, temp -> {
            if (!ImageIO.write(img, "png", temp.toFile())) throw new java.io.IOException("no PNG writer");
        });
    }

    private static void paint(BufferedImage img, float[] p, int x0, int y0, int scale) {
        for (int y = 0; y < 28 * scale; y++) {
            for (int x = 0; x < 28 * scale; x++) {
                int v = Math.round(Math.max(0, Math.min(1, p[(y / scale) * 28 + x / scale])) * 255);
                img.getRaster().setSample(x0 + x, y0 + y, 0, v);
            }
        }
    }
}
