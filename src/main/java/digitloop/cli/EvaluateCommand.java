package digitloop.cli;

import digitloop.canvas.ImageFolderReader;
import digitloop.data.FolderImages;
import digitloop.task.CancellationToken;
import digitloop.train.FolderEvaluation;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.files.AtomicWrite;
import digitloop.model.EvaluationReport;
import digitloop.model.Json;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.train.Evaluator;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on the 10,000 MNIST test images, on a labelled Kaggle train.csv with --data-csv, "
                + "or on a labelled folder of your own images with --images: per-class report and confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model file (.zip).")
    Path model;

    @Option(names = "--noise", description = "Evaluate under Gaussian noise of this sigma instead of the model's own degradation.")
    Double noise;

    @Option(names = "--json", description = "Also write the report as JSON (accuracy, macroF1, perClass, confusion).")
    Path json;

    @Mixin
    DataOption data;

    @Option(names = "--data-csv", paramLabel = "FILE", description = "Evaluate on this labelled Kaggle train.csv "
            + "(label,pixel0,…,pixel783) instead of MNIST's test images.")
    Path dataCsv;

    @Option(names = "--images", paramLabel = "DIR", description = "Evaluate on this labelled folder of images instead: "
            + "subfolders 0 … 9 (and not-a-digit), or a labels.csv of file,label lines. Adds what \"not sure\" did.")
    Path images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (images != null && dataCsv != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--images and --data-csv are two data sets; choose one");
        }
        LoadedModel loaded = ModelFile.load(model);
        Degradation degradation = loaded.metadata().degradation();
        if (noise != null) {
            degradation = new Degradation(noise, degradation.downsample(), degradation.seed());
        }
        if (images != null) return evaluateFolder(loaded, degradation);
        Digits test = degradation.apply(dataCsv == null ? data.ready().test() : KaggleCsvInput.readLabelled(dataCsv));
        long start = System.nanoTime();
        EvaluationReport report = Evaluator.evaluate(loaded.classifier(), test);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s (%s) on %d %s, input %s, %.1f s%n%n",
                model, loaded.metadata().architecture().describe(), test.size(),
                dataCsv == null ? "test images" : "images of " + dataCsv, degradation.label(), seconds);
        System.out.print(report.format());
        if (json != null) {
            AtomicWrite.write(json, Json.mapper().writeValueAsBytes(EvaluationJson.of(model, degradation, report)));
            System.out.println("\nWrote " + json);
        }
        return 0;
    }

    private int evaluateFolder(LoadedModel loaded, Degradation degradation) throws Exception {
        ProgressLine line = new ProgressLine(System.err);
        long start = System.nanoTime();
        FolderImages folder = ImageFolderReader.readLabelled(images, CancellationToken.none(),
                (f, m) -> line.draw("images", f, m));
        FolderEvaluation result = FolderEvaluation.of(loaded.classifier(), degradation, folder, CancellationToken.none(),
                (f, m) -> line.draw("scoring", f, m));
        line.clear();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s (%s) on %d digit images and %d not-a-digit images of %s, input %s, %.1f s%n%n",
                model, loaded.metadata().architecture().describe(), folder.digits().size(), folder.nonDigits().size(),
                images, degradation.label(), seconds);
        if (folder.digits().size() > 0) {
            System.out.print(result.report().format());
        } else {
            System.out.println("no digit images, so no accuracy or confusion matrix");
        }
        System.out.println();
        System.out.print(result.notSure().format());
        if (!folder.skipped().isEmpty()) {
            System.out.printf(Locale.ROOT, "%nleft out %d file%s:%n", folder.skipped().size(), folder.skipped().size() == 1 ? "" : "s");
            for (FolderImages.Skipped s : folder.skipped()) System.out.println("  " + folder.name(s.file()) + ": " + s.reason());
        }
        if (json != null) {
            AtomicWrite.write(json, Json.mapper().writeValueAsBytes(EvaluationJson.of(model, degradation, result.report(),
                    result.notSure())));
            System.out.println("\nWrote " + json);
        }
        return 0;
    }
}
