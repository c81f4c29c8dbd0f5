package digitloop.cli;

import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.hitl.HandwritingAdaptation;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.LabelJournal;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adapt}: the Draw tab's "Adapt to my handwriting" from the command line. */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = {"Fine-tunes --model on the digits you drew and labelled in the Draw tab (the label journal's drawings), with a "
                + "replay of its own training images so MNIST is not forgotten. A fifth of your drawings is held back: the report "
                + "shows how both models read them, the MNIST test set and the validation images, and writes the adapted model to "
                + "--out (the model you gave is not changed)."})
public final class AdaptCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model to adapt (default: ${DEFAULT-VALUE}).")
    Path model = AppHome.resolve("models", "cnn.zip");

    @Option(names = "--journal", description = "Label journal holding your drawings (default: ${DEFAULT-VALUE}).")
    Path journal = AppHome.resolve("labels", "journal.tsv");

    @Option(names = "--out", required = true, description = "Where the adapted model is written.")
    Path out;

    @Option(names = "--seed", description = "Seed of the held-back fifth and the training (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(journal)) {
            System.err.println("error: no label journal at " + journal + ": draw digits in the app's Draw tab and teach them first, "
                    + "or give --journal");
            return 2;
        }
        OutputFile.requireWritable(out);
        var store = data.ready();
        List<LabelEvent> drawings;
        try (LabelJournal j = LabelJournal.open(journal, store.fingerprint())) {
            drawings = HandwritingAdaptation.drawingsOf(j);
        }
        if (drawings.size() < HandwritingAdaptation.MIN_DRAWINGS) {
            System.err.printf("error: %s holds %d drawing(s); adapting needs at least %d, so that a fifth can be held back. Draw and teach "
                    + "more in the Draw tab.%n", journal, drawings.size(), HandwritingAdaptation.MIN_DRAWINGS);
            return 2;
        }
        LoadedModel current = ModelFile.load(model);
        Digits train = current.metadata().degradation().apply(store.train());
        Digits test = current.metadata().degradation().apply(store.test());
        ReviewContract contract = ReviewContract.of(current.metadata(), train);
        ProgressLine line = new ProgressLine(System.err);
        CancellationToken cancel = new CancellationToken();
        HandwritingAdaptation.Result r;
        try (CtrlC ignored = CtrlC.cancels(cancel, "adapt")) {
            r = HandwritingAdaptation.adapt(current, contract, drawings, test, null, RetrainRecipe.ADAPT, seed,
                    (f, m) -> line.draw("adapt", f, m), cancel);
            line.clear();
            ModelFile.save(out, r.candidate().model().network(), r.candidate().model().metadata());
        }
        System.out.printf(Locale.ROOT, "Adapted on %d drawings, %d held back: %s%n%s%nWrote %s%n", r.split().train().size(),
                r.split().heldOut().size(), r.summary(), r.candidate().verdictSentence(), out);
        return 0;
    }
}
