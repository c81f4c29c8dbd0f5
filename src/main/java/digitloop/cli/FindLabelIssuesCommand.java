package digitloop.cli;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.hitl.ConfidentLearning;
import digitloop.hitl.CrossValidation;
import digitloop.hitl.LabelIssue;
import digitloop.hitl.LabelIssueSearch;
import digitloop.hitl.LabelQuality;
import digitloop.hitl.PlantedErrors;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "find-label-issues", mixinStandardHelpOptions = true,
        description = "Rank MNIST's training or test images by how much out-of-sample predictions doubt their given label "
                + "(confident learning: per-class thresholds and the confident joint) and write the doubted ones as CSV: "
                + "rank,id,given,suggested,p_given,p_suggested,score.")
public final class FindLabelIssuesCommand implements Callable<Integer> {
    enum Split { train, test }

    @Option(names = "--split", required = true, description = "train (k-fold cross-validation) or test (a model not trained on it).")
    Split split;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--folds", description = "Cross-validation folds for --split train (default: ${DEFAULT-VALUE}).")
    int folds = CrossValidation.DEFAULT.folds();

    @Option(names = "--passes", description = "Passes over the other folds that each fold's CNN trains (default: ${DEFAULT-VALUE}).")
    double passes = CrossValidation.DEFAULT.passes();

    @Option(names = "--model", description = "For --split test: the model that scores it (default: the app's models/cnn.zip).")
    Path model;

    @Option(names = "--rank-by", description = "Label-quality score the doubted labels are sorted by: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    LabelQuality rankBy = LabelQuality.SELF_CONFIDENCE;

    @Option(names = "--grid", paramLabel = "PNG", description = "Also draw the top of the ranking into this PNG.")
    Path grid;

    @Option(names = "--grid-size", description = "Images in the grid (default: ${DEFAULT-VALUE}).")
    int gridSize = 50;

    @Option(names = "--with-disagreements", description = "Also list, ranked after the confident-learning issues, the images whose "
            + "most probable digit is not their label but below that digit's threshold (column kind: confident or argmax).")
    boolean withDisagreements;

    @Option(names = "--limit", description = "Only the first N images of the split.")
    int limit;

    @Option(names = "--plant", paramLabel = "N", description = "Flip N labels at random first (seeded by --seed) and report how many "
            + "of them the ranking finds: a check of the method, not of MNIST.")
    int plant;

    @Option(names = "--seed", description = "Seed for the folds and --plant (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--cache", description = "Folder for each fold's probabilities, so a stopped run resumes "
            + "(default: labels/label-issues/ under the app's folder; shared with the app).")
    Path cache;

    @Option(names = "--no-cache", description = "Do not read or write saved folds.")
    boolean noCache;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        OutputFile.requireWritable(out);
        if (grid != null) OutputFile.requireWritable(grid);
        CrossValidation cv = new CrossValidation(folds, CrossValidation.DEFAULT.model(), passes, CrossValidation.DEFAULT.batchSize(),
                CrossValidation.DEFAULT.learningRate(), CrossValidation.DEFAULT.decay(), seed);
        Path scorer = model != null ? model : AppHome.resolve("models", "cnn.zip");
        if (split == Split.test && !java.nio.file.Files.isRegularFile(scorer)) {
            throw new IllegalArgumentException("no model at " + scorer + " to score the test set: pass --model FILE");
        }
        DatasetStore store = data.ready();
        Digits digits = split == Split.train ? store.train() : store.test();
        if (limit > 0) digits = digits.head(limit);
        PlantedErrors planted = plant > 0 ? PlantedErrors.flip(digits, plant, seed) : null;
        if (planted != null) digits = planted.digits();
        PrintStream o = System.out;
        ProgressLine line = new ProgressLine(System.err);
        CancellationToken cancel = new CancellationToken();
        LabelIssueSearch.Outcome outcome;
        try (CtrlC ctrlC = CtrlC.cancels(cancel, "find-label-issues")) {
            if (split == Split.train) {
                Path folder = noCache ? null : cacheFolder(digits.size());
                o.printf(Locale.ROOT, "Ranking %,d training images: %d-fold cross-validation of a %s, %.2g passes per fold%s%n",
                        digits.size(), folds, cv.model().describe(), passes, folder == null ? "" : "; folds saved in " + folder);
                outcome = LabelIssueSearch.training(digits, cv, rankBy, folder, line, cancel);
            } else {
                o.printf(Locale.ROOT, "Ranking %,d test images with %s%n", digits.size(), scorer);
                outcome = LabelIssueSearch.test(digits, ModelFile.load(scorer), rankBy, line, cancel);
            }
            line.clear();
            writeCsv(outcome, planted);
            if (grid != null) IssueGrid.write(grid, digits, listed(outcome), outcome.result().issues().size(), gridSize);
        } catch (CancellationException stopped) {
            line.clear();
            System.err.println("error: stopped by Ctrl+C; nothing was written" + (split == Split.train && !noCache
                    ? " (the folds finished so far are kept: the same command resumes)" : "") + ".");
            return 1;
        }
        report(o, digits, outcome, planted);
        return 0;
    }

    private Path cacheFolder(int n) {
        Path base = cache != null ? cache : AppHome.resolve("labels", "label-issues");
        // The file's key checks settings and data; the name only keeps different runs from overwriting each other.
        return base.resolve(String.format(Locale.ROOT, "train-%d-k%d-seed%d%s", n, folds, seed, plant > 0 ? "-plant" + plant : ""));
    }

    private void writeCsv(LabelIssueSearch.Outcome outcome, PlantedErrors planted) throws java.io.IOException {
        AtomicWrite.write(out, raw -> {
            Writer w = new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8);
            w.write("rank,id,given,suggested,p_given,p_suggested,score" + (withDisagreements ? ",kind" : "")
                    + (planted == null ? "" : ",planted") + "\n");
            int confident = outcome.result().issues().size();
            for (LabelIssue e : listed(outcome)) {
                w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6g,%.6g,%.6g%s%s%n", e.rank(), e.id(), e.given(), e.suggested(),
                        e.givenProbability(), e.suggestedProbability(), e.quality(),
                        withDisagreements ? (e.rank() <= confident ? ",confident" : ",argmax") : "",
                        planted == null ? "" : planted.isPlanted(e.index()) ? ",1" : ",0"));
            }
            w.flush();
        });
    }

    private java.util.List<LabelIssue> listed(LabelIssueSearch.Outcome outcome) {
        if (!withDisagreements) return outcome.result().issues();
        java.util.List<LabelIssue> all = new java.util.ArrayList<>(outcome.result().issues());
        all.addAll(outcome.result().disagreements());
        return all;
    }

    private void report(PrintStream o, Digits digits, LabelIssueSearch.Outcome outcome, PlantedErrors planted) {
        ConfidentLearning.Result r = outcome.result();
        StringBuilder t = new StringBuilder();
        for (double x : r.thresholds()) t.append(String.format(Locale.ROOT, " %.3f", x));
        o.printf(Locale.ROOT, "Per-class thresholds t_0..t_9:%s%n", t);
        o.printf(Locale.ROOT, "%,d of %,d labels doubted (%.2f %%), ranked by %s, in %.0f s. Wrote %s%s%n", r.issues().size(),
                digits.size(), 100.0 * r.issues().size() / digits.size(), rankBy, outcome.seconds(), out,
                grid == null ? "" : " and " + grid);
        if (withDisagreements) {
            o.printf(Locale.ROOT, "Also listed: %,d images whose most probable digit is another one, below that digit's threshold.%n",
                    r.disagreements().size());
        }
        if (planted != null) {
            int n = planted.indices().length;
            o.printf(Locale.ROOT, "Planted %d flipped labels: %.1f %% of them in the top %d, %.1f %% in the top %d, %.1f %% flagged at all%n",
                    n, 100 * planted.recallAt(r.issues(), n), n, 100 * planted.recallAt(r.issues(), 2 * n), 2 * n,
                    100 * planted.recallAt(r.issues(), r.issues().size()));
        }
    }
}
