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
        description = "Evaluate a model on the 10,000 MNIST test images: per-class report and confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model file (.zip).")
    Path model;

    @Option(names = "--noise", description = "Evaluate under Gaussian noise of this sigma instead of the model's own degradation.")
    Double noise;

    @Option(names = "--json", description = "Also write the report as JSON (accuracy, macroF1, perClass, confusion).")
    Path json;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        LoadedModel loaded = ModelFile.load(model);
        Degradation degradation = loaded.metadata().degradation();
        if (noise != null) {
            degradation = new Degradation(noise, degradation.downsample(), degradation.seed());
        }
        Digits test = degradation.apply(data.ready().test());
        long start = System.nanoTime();
        EvaluationReport report = Evaluator.evaluate(loaded.classifier(), test);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s (%s) on %d test images, input %s, %.1f s%n%n",
                model, loaded.metadata().architecture().describe(), test.size(), degradation.label(), seconds);
        System.out.print(report.format());
        if (json != null) {
            AtomicWrite.write(json, Json.mapper().writeValueAsBytes(EvaluationJson.of(model, degradation, report)));
            System.out.println("\nWrote " + json);
        }
        return 0;
    }
}
