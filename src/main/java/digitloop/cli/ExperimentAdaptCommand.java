package digitloop.cli;

import digitloop.cli.handwriting.PersonalHand;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.hitl.HandwritingAdaptation;
import digitloop.hitl.LabelEvent;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.Prediction;
import digitloop.task.CancellationToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code experiment adapt}: "Adapt to my handwriting" measured with synthetic writers ({@link PersonalHand})
 * in place of a person: each writer draws --per-digit of every digit, the model adapts to them as the Draw
 * tab's button does, and both models read a fifth held back and 500 more of the writer's digits.
 */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = {"For each synthetic writer (a slant, width, pen and habits such as a crossed 7 that stay the same), draws "
                + "--per-digit of each digit as Draw-tab drawings, adapts --model to them as \"Adapt to my handwriting\" does (a fifth "
                + "held back), and measures both models on the held-back drawings, on 500 more of the writer's digits and on the "
                + "MNIST test set. Each writer's row is added to --json at once; the same command skips rows already there."})
public final class ExperimentAdaptCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model to adapt (default: ${DEFAULT-VALUE}).")
    Path model = AppHome.resolve("models", "cnn.zip");

    @Option(names = "--writers", split = ",", description = "Synthetic writers (default: 1,2,3).")
    List<Long> writers = List.of(1L, 2L, 3L);

    @Option(names = "--per-digit", description = "Drawings of each digit a writer teaches (default: ${DEFAULT-VALUE}).")
    int perDigit = 5;

    @Option(names = "--replay", description = "Replayed MNIST training images (default: the app's).")
    Integer replay;

    @Option(names = "--repeat", description = "Times each drawing is repeated (default: the app's).")
    Integer repeat;

    @Option(names = "--passes", description = "Passes over the set (default: the app's).")
    Integer passes;

    @Option(names = "--trainable-layers", description = "Only the last this many layers change, 0 = all (default: the app's).")
    Integer trainableLayers;

    @Option(names = "--lr", description = "Learning rate (default: the app's).")
    Double learningRate;

    @Option(names = "--json", description = "Rows are added here; a row already there (same writer, drawings and recipe) is skipped.")
    Path json;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        var store = data.ready();
        LoadedModel current = ModelFile.load(model);
        Digits train = current.metadata().degradation().apply(store.train());
        Digits test = current.metadata().degradation().apply(store.test());
        ReviewContract contract = ReviewContract.of(current.metadata(), train);
        RetrainRecipe recipe = recipe();
        System.out.println(contract.description());
        System.out.println("recipe: " + recipe.describe());
        List<Map<String, Object>> rows = json == null ? new ArrayList<>() : ReviewRoundLog.read(json);
        int[] beforeTest = null;
        for (long writer : writers) {
            PersonalHand hand = PersonalHand.of(writer);
            boolean done = rows.stream().anyMatch(r -> ((Number) r.get("writer")).longValue() == writer
                    && ((Number) r.get("perDigit")).intValue() == perDigit && recipe.describe().equals(r.get("recipe")));
            if (done) {
                System.out.printf("writer %d: already in %s%n", writer, json);
                continue;
            }
            List<LabelEvent> drawings = taught(current, hand.drawings(perDigit, writer * 1000 + 1));
            Digits more = PersonalHand.asDigits(hand.drawings(50, writer * 1000 + 2));
            ProgressLine line = new ProgressLine(System.err);
            long started = System.nanoTime();
            HandwritingAdaptation.Result r = HandwritingAdaptation.adapt(current, contract, drawings, test, beforeTest, recipe, writer,
                    (f, m) -> line.draw("writer " + writer, f, m), CancellationToken.none());
            line.clear();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (beforeTest == null) beforeTest = current.classifier().score(test).predictions();
            double moreBefore = accuracy(current, more);
            double moreAfter = accuracy(r.candidate().model(), more);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("writer", writer);
            row.put("hand", hand.describe());
            row.put("perDigit", perDigit);
            row.put("recipe", recipe.describe());
            row.put("drawings", drawings.size());
            row.put("corrections", drawings.stream().filter(LabelEvent::corrects).count());
            row.put("heldOut", r.split().heldOut().size());
            row.put("heldOutBefore", r.heldOutBefore());
            row.put("heldOutAfter", r.heldOutAfter());
            row.put("answeredBefore", r.answeredBefore());
            row.put("answeredAfter", r.answeredAfter());
            row.put("moreBefore", moreBefore);
            row.put("moreAfter", moreAfter);
            row.put("mnistBefore", r.candidate().before().test());
            row.put("mnistAfter", r.candidate().after().test());
            row.put("validationBefore", r.candidate().before().validation());
            row.put("validationAfter", r.candidate().after().validation());
            row.put("verdict", r.candidate().verdict().name());
            row.put("seconds", seconds);
            rows.add(row);
            if (json != null) ReviewRoundLog.write(json, rows);
            System.out.printf(Locale.ROOT, "%s%n  %d drawings (%d misread) · %s · 500 more of the writer's digits %.1f %% -> %.1f %% · %.0f s%n",
                    hand.describe(), drawings.size(), (long) row.get("corrections"), r.summary(), moreBefore * 100, moreAfter * 100, seconds);
        }
        if (json != null) System.out.println("Wrote " + json);
        return 0;
    }

    /** The drawings as the Draw tab's "Teach" journals them: negative ids, the model's guess beside the label. */
    private static List<LabelEvent> taught(LoadedModel current, List<PersonalHand.Drawing> drawings) {
        List<LabelEvent> events = new ArrayList<>();
        int id = -1;
        for (PersonalHand.Drawing d : drawings) {
            Prediction p = current.classifier().predict(d.pixels28());
            int guess = argmax(p.probabilities());
            events.add(new LabelEvent(LabelEvent.Kind.DRAWING, 0, "", id--, d.label(), guess, p.probabilities()[guess], "drawing", d.pixels28()));
        }
        return events;
    }

    private static double accuracy(LoadedModel m, Digits raw) {
        Digits d = m.metadata().degradation().apply(raw);
        int[] p = m.classifier().score(d).predictions();
        int right = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == d.label(i)) right++;
        return (double) right / p.length;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    private RetrainRecipe recipe() {
        RetrainRecipe r = RetrainRecipe.ADAPT;
        if (replay != null) r = r.withReplay(replay);
        if (repeat != null) r = r.withRepeat(repeat);
        if (passes != null) r = r.withPasses(passes);
        if (trainableLayers != null) r = r.withTrainableLayers(trainableLayers);
        if (learningRate != null) r = r.withLearningRate(learningRate);
        return r;
    }
}
