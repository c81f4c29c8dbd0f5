package digitloop.cli;

import digitloop.canvas.DigitReading;
import digitloop.canvas.ImageFiles;
import digitloop.canvas.NumberReader;
import digitloop.canvas.NumberReading;
import digitloop.files.AtomicWrite;
import digitloop.model.Classifier;
import digitloop.model.Prediction;
import digitloop.task.UserMessages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/** {@code predict --multi}: a number per image file, a CSV row per digit, and the boxes drawn when asked. */
final class MultiDigitPredict {
    static final String HEADER = "file,index,x,y,width,height,label,probability,answered,number,ms,error";

    private final NumberReader reader;
    private final Path out;
    private final Path boxes;
    private final Set<String> boxNames = new HashSet<>();

    MultiDigitPredict(Classifier classifier, Path out, Path boxes) {
        this.reader = new NumberReader(classifier);
        this.out = out;
        this.boxes = boxes;
    }

    int run(List<Path> files) throws IOException {
        if (boxes != null) Files.createDirectories(boxes);
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        int digits = 0;
        int whole = 0;
        int failed = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            try {
                BufferedImage image = ImageFiles.read(file);
                NumberReading reading = reader.read(image);
                if (reading.isBlank()) {
                    rows.add(emptyRow(file, reading.ms(), Prediction.Verdict.BLANK.text()));
                } else {
                    for (DigitReading d : reading.digits()) rows.add(row(file, d, reading));
                    digits += reading.digits().size();
                    if (reading.allAnswered()) whole++;
                }
                if (boxes != null) writeBoxes(file, image, reading);
            } catch (IOException | RuntimeException e) {
                failed++;
                rows.add(emptyRow(file, (System.nanoTime() - start) / 1e6, UserMessages.of(e)));
            }
        }
        String text = String.join("\n", rows) + "\n";
        if (out == null) {
            System.out.print(text);
        } else {
            AtomicWrite.write(out, text.getBytes(StandardCharsets.UTF_8));
        }
        System.err.printf(Locale.ROOT, "%d files: %d digits, %d numbers read with every digit answered, %d could not be read%s%s%n",
                files.size(), digits, whole, failed, out == null ? "" : "; wrote " + out,
                boxes == null ? "" : "; boxes in " + boxes);
        return 0;
    }

    private static String row(Path file, DigitReading d, NumberReading reading) {
        var b = d.box();
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%s,%.4f,%b,%s,%.2f,%s", PredictCommand.csv(file.toString()), d.index(),
                b.x(), b.y(), b.width(), b.height(), d.answered() ? String.valueOf(d.label()) : "", d.probability(), d.answered(),
                reading.number(), d.ms(), d.answered() ? "" : PredictCommand.csv(d.prediction().verdict().text()));
    }

    private static String emptyRow(Path file, double ms, String error) {
        return PredictCommand.csv(file.toString()) + ",,,,,,,,false,," + String.format(Locale.ROOT, "%.2f", ms) + ","
                + PredictCommand.csv(error);
    }

    /** {@code <name>.boxes.png}, numbered when two files of the same name come from different folders. */
    private void writeBoxes(Path file, BufferedImage image, NumberReading reading) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String name = stem + ".boxes.png";
        for (int k = 2; !boxNames.add(name); k++) name = stem + "-" + k + ".boxes.png";
        BufferedImage drawn = BoxOverlay.draw(image, reading);
        AtomicWrite.write(boxes.resolve(name), stream -> {
            if (!ImageIO.write(drawn, "png", stream)) throw new IOException("no PNG writer");
        });
    }
}
