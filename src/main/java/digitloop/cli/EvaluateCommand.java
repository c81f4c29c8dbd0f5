package digitloop.cli;

import digitloop.data.DatasetStore;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on the 10,000 MNIST test images, or on a labelled Kaggle train.csv with --data-csv: "
                + "per-class report and confusion matrix.")
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

    @Override
    public Integer call() throws Exception {
        LoadedModel loaded = ModelFile.load(model);
        Degradation degradation = loaded.metadata().degradation();
        if (noise != null) {
            degradation = new Degradation(noise, degradation.downsample(), degradation.seed());
        }
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
}
