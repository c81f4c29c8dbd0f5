package digitloop.cli;

import digitloop.canvas.DigitRows;
import digitloop.canvas.MultiDigitMeasurement;
import digitloop.canvas.NumberReader;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code experiment multi-digit}: rows of real MNIST test digits read by the number reader, as a Markdown table. */
@Command(name = "multi-digit", mixinStandardHelpOptions = true,
        description = {"Rows of 2-8 real MNIST test digits (random sizes, slant and vertical jitter, white or black page), "
                + "--rows with gaps and --rows touching or overlapping by 2-4 px, read by predict --multi's reader. Writes the "
                + "measured table between the markers of --out (the rest of the file is kept), or a new file with the table."})
public final class ExperimentMultiDigitCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- multi-digit table: begin -->";
    static final String END = "<!-- multi-digit table: end -->";

    @Option(names = "--rows", description = "Rows of each spacing (default: ${DEFAULT-VALUE}).")
    int rows = 1000;

    @Option(names = "--seed", description = "Seed of the rows (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--min-digits", description = "Fewest digits in a row (default: ${DEFAULT-VALUE}).")
    int minDigits = 2;

    @Option(names = "--max-digits", description = "Most digits in a row (default: ${DEFAULT-VALUE}).")
    int maxDigits = 8;

    @Option(names = "--model", description = "Model file (default: ${DEFAULT-VALUE}).")
    Path model = AppHome.resolve("models", "cnn.zip");

    @Option(names = "--out", description = "Markdown file for the table (default: ${DEFAULT-VALUE}).")
    Path out = AppHome.resolve("docs", "multi-digit.md");

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        var plan = new MultiDigitMeasurement.Plan(rows, minDigits, maxDigits, List.of(DigitRows.Spacing.values()), seed);
        var reader = new NumberReader(ModelFile.load(model).classifier());
        var test = data.ready().test();
        System.err.printf(Locale.ROOT, "reading %,d rows of each spacing...%n", rows);
        var result = MultiDigitMeasurement.run(test, reader, plan, CancellationToken.none());
        String table = table(result, model);
        String text = MarkedSection.replace(out, BEGIN, END, table);
        AtomicWrite.write(out, text.getBytes(StandardCharsets.UTF_8));
        System.out.print(table);
        System.out.println("Wrote " + out);
        return 0;
    }

    static String table(MultiDigitMeasurement.Result result, Path model) {
        var plan = result.plan();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Rows of %d-%d MNIST test digits, %,d rows per spacing, seed %d, model %s; %.0f s.%n%n",
                plan.minDigits(), plan.maxDigits(), plan.rows(), plan.seed(), model.getFileName(), result.seconds()));
        s.append("| spacing | rows | digits | boxes found | right count | exact number | exact, all answered | per digit "
                + "| answered | answered right | mean IoU | ms per row |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var e : result.bySpacing().entrySet()) s.append(line(e.getKey().text(), e.getValue()));
        s.append("\nBy digits per row:\n\n");
        s.append("| spacing | digits per row | rows | exact number | exact, all answered | per digit | mean IoU |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var e : result.byLength().entrySet()) {
            for (Map.Entry<Integer, MultiDigitMeasurement.Tally> l : e.getValue().entrySet()) {
                var t = l.getValue();
                s.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f %% | %.1f %% | %.2f %% | %.3f |%n", e.getKey().text(), l.getKey(),
                        t.rows(), t.exactRate() * 100, t.exactAnsweredRate() * 100, t.digitAccuracy() * 100, t.meanIou()));
            }
        }
        return s.toString();
    }

    private static String line(String name, MultiDigitMeasurement.Tally t) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f %% | %.1f %% | %.1f %% | %.2f %% | %.1f %% | %.2f %% | %.3f | %.1f |%n",
                name, t.rows(), t.placed(), t.found(), t.countRate() * 100, t.exactRate() * 100, t.exactAnsweredRate() * 100,
                t.digitAccuracy() * 100, t.answeredShare() * 100, t.answeredPrecision() * 100, t.meanIou(), t.msPerRow());
    }
}
