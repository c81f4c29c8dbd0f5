package digitloop.cli;

import digitloop.data.Digits;
import digitloop.data.KaggleCsvReader;
import digitloop.data.KaggleCsvWriter;
import digitloop.data.KaggleLayout;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.Scores;
import digitloop.task.CancellationToken;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Answer every image of Kaggle's test.csv (pixel0,…,pixel783) with the model's most probable digit and write "
                + "the submission (ImageId,Label, ImageId from 1). Kaggle has no \"not sure\": every row gets a digit.",
                "Ctrl+C stops it and leaves no half-written file."})
public final class KaggleSubmitCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model file (.zip).")
    Path model;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Kaggle's test.csv.")
    Path test;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Submission CSV to write, e.g. submission.csv.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputFile.requireWritable(out);
        CancellationToken cancel = new CancellationToken();
        // The message is printed before Ctrl+C's hook is released: once it returns, the JVM exits.
        try (CtrlC ctrlC = CtrlC.cancels(cancel, "kaggle-submit")) {
            return submit(cancel);
        }
    }

    private int submit(CancellationToken cancel) throws Exception {
        ProgressLine line = new ProgressLine(System.err);
        try {
            long start = System.nanoTime();
            LoadedModel loaded = ModelFile.load(model);
            Digits images = KaggleCsvReader.read(test, KaggleLayout.TEST, line, cancel);
            long read = System.nanoTime();
            Scores scores = loaded.classifier().score(loaded.metadata().degradation().apply(images), cancel, line);
            int[] labels = new int[scores.size()];
            int unsure = 0;
            for (int i = 0; i < labels.length; i++) {
                labels[i] = scores.argmax(i);
                if (scores.maxProbability(i) < loaded.metadata().trustedThreshold()) unsure++;
            }
            long scored = System.nanoTime();
            KaggleCsvWriter.writeSubmission(out, labels, cancel);
            long written = System.nanoTime();
            line.clear();
            System.out.printf(Locale.ROOT, "Wrote %s: %d rows (ImageId 1-%d), %d of them below %s's trusted threshold %.4f "
                            + "but answered anyway. Read %.1f s, scored %.1f s, written %.2f s, %.1f s in all.%n",
                    out, labels.length, labels.length, unsure, model.getFileName(), loaded.metadata().trustedThreshold(),
                    seconds(start, read), seconds(read, scored), seconds(scored, written), seconds(start, written));
            return 0;
        } catch (CancellationException e) {
            line.clear();
            System.err.println("error: stopped by Ctrl+C; " + out + " was not written.");
            return 1;
        } finally {
            line.clear();
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
