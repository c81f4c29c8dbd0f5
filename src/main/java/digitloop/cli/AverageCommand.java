package digitloop.cli;

import digitloop.data.DatasetStore;
import digitloop.data.Digits;
import digitloop.data.Splits;
import digitloop.model.EvaluationReport;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.ModelMetadata;
import digitloop.model.TrainingSettings;
import digitloop.train.Evaluator;
import digitloop.train.WeightAveraging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "average", mixinStandardHelpOptions = true,
        description = "Average the weights of fine-tunes of one model (a model soup), measure it, and save it.")
public final class AverageCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "MODEL", description = "Model files (.zip) continued from the same model; "
            + "the first one's validation split sets the thresholds.")
    List<Path> models;

    @Option(names = "--out", required = true, description = "Model file to write, e.g. models/cnn.zip.")
    Path out;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        OutputFile.requireWritable(out);
        List<LoadedModel> loaded = new ArrayList<>();
        for (Path p : models) loaded.add(ModelFile.load(p));
        ModelMetadata first = loaded.get(0).metadata();
        DatasetStore store = data.ready();
        TrainingSettings t = first.training();
        Digits validation = t == null || t.validationFraction() <= 0 ? store.train().head(0)
                : Splits.trainValidation(first.degradation().apply(store.train()), t.validationFraction(), t.validationSplitSeed())[1];
        String name = out.getFileName().toString().replaceFirst("\\.zip$", "");
        LoadedModel soup = WeightAveraging.average(name, loaded, validation);
        Digits test = first.degradation().apply(store.test());
        for (int i = 0; i < loaded.size(); i++) {
            System.out.printf(Locale.ROOT, "%-40s test accuracy %.4f%n", models.get(i), Evaluator.evaluate(loaded.get(i).classifier(), test).accuracy());
        }
        EvaluationReport report = Evaluator.evaluate(soup.classifier(), test);
        ModelFile.save(out, soup.network(), soup.metadata().withTest(report));
        System.out.printf(Locale.ROOT, "average of %d: test accuracy %.4f, macro-F1 %.4f, trusted threshold %.4f. Saved %s%n",
                loaded.size(), report.accuracy(), report.macroF1(), soup.metadata().trustedThreshold(), out);
        return 0;
    }
}
