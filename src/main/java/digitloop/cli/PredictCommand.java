package digitloop.cli;

import digitloop.task.UserMessages;
import digitloop.canvas.ImageFiles;
import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import digitloop.files.AtomicWrite;
import digitloop.model.Classifier;
import digitloop.model.ModelFile;
import digitloop.model.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Recognise the digit in image files, or with --multi the number (PNG, JPEG, BMP, GIF; any size, any polarity).",
                "Folders are read recursively. A file that is not an image is listed with its error and skipped."})
public final class PredictCommand implements Callable<Integer> {
    static final String HEADER = "file,label,probability,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9,answered,ms,error";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model file (.zip).")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
    List<Path> paths;

    @Option(names = "--out", description = "CSV to write (default: print to the terminal).")
    Path out;

    @Option(names = "--multi", description = "Read several digits per image, left to right: a row per digit with its box, "
            + "and the number read.")
    boolean multi;

    @Option(names = "--boxes", paramLabel = "DIR", description = "With --multi: write each image with its digit boxes drawn "
            + "(green answered, amber not sure, red not a digit) as <name>.boxes.png into DIR.")
    Path boxes;

    @Override
    public Integer call() throws Exception {
        if (boxes != null && !multi) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--boxes draws the boxes of --multi; add --multi");
        }
        Classifier classifier = ModelFile.load(model).classifier();
        List<Path> files = expand(paths);
        if (multi) return new MultiDigitPredict(classifier, out, boxes).run(files);
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        int answered = 0;
        int failed = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            String row;
            try {
                BufferedImage image = ImageFiles.read(file);
                Optional<NormalizedImage> normalized = MnistNormalizer.normalize(image);
                Prediction p = normalized.map(n -> classifier.predict(n.pixels())).orElseGet(Prediction::blank);
                double ms = (System.nanoTime() - start) / 1e6;
                if (p.answered()) answered++;
                row = row(file, p, ms, p.answered() ? "" : p.verdict().text());
            } catch (IOException | RuntimeException e) {
                failed++;
                row = csv(file.toString()) + ",,," + ",".repeat(9) + ",false,"
                        + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6) + "," + csv(UserMessages.of(e));
            }
            rows.add(row);
        }
        String text = String.join("\n", rows) + "\n";
        if (out == null) {
            System.out.print(text);
        } else {
            AtomicWrite.write(out, text.getBytes(StandardCharsets.UTF_8));
        }
        System.err.printf(Locale.ROOT, "%d files: %d answered, %d not sure, %d could not be read%s%n", files.size(), answered,
                files.size() - answered - failed, failed, out == null ? "" : "; wrote " + out);
        return 0;
    }

    private static String row(Path file, Prediction p, double ms, String note) {
        StringBuilder s = new StringBuilder(csv(file.toString())).append(',');
        s.append(p.answered() ? String.valueOf(p.label()) : "").append(',');
        s.append(String.format(Locale.ROOT, "%.4f", p.probability()));
        for (float v : p.probabilities()) s.append(String.format(Locale.ROOT, ",%.4f", v));
        s.append(',').append(p.answered()).append(String.format(Locale.ROOT, ",%.2f,", ms)).append(csv(note));
        return s.toString();
    }

    static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
