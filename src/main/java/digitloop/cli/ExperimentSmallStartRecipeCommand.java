package digitloop.cli;

import digitloop.data.Augmentation;
import digitloop.data.Digits;
import digitloop.data.HandwritingStyle;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.hitl.ReviewRound;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code experiment small-start-recipe}: the labels a small-start run of {@code experiment review-round}
 * recorded, trained again from its start model's split with another retraining recipe, so recipes are
 * compared on the same labels instead of on ten rounds each.
 */
@Command(name = "small-start-recipe", mixinStandardHelpOptions = true,
        description = {"Reads a small-start review-round log (--log), takes the labels its seeds had after --round, and trains "
                + "them from scratch with the app's small-start recipe changed by the options here, then measures the result on "
                + "the project's validation images and MNIST's 10,000 test images. Each result is added to --json at once; a "
                + "variant already there is skipped, so the same command resumes."})
public final class ExperimentSmallStartRecipeCommand implements Callable<Integer> {

    /** Augmentations to compare: the app's, with zoom, with geometric handwriting changes, with every style. */
    enum Augment {
        STANDARD(Augmentation.STANDARD),
        ZOOM(Augmentation.STANDARD.withZoom(0.1)),
        GEOMETRIC(Augmentation.STANDARD.withZoom(0.1).withStyle(new HandwritingStyle(0.3, 0.25, 30, 0, 0, 0))),
        STYLES(Augmentation.STANDARD.withStyle(HandwritingStyle.ALL));

        final Augmentation augmentation;

        Augment(Augmentation a) {
            this.augmentation = a;
        }
    }

    @Option(names = "--log", required = true, description = "A review-round JSON of a small-start run (its start models lie beside it).")
    Path log;

    @Option(names = "--seeds", split = ",", description = "Seeds of the log to train (default: every seed in it).")
    List<Long> seeds;

    @Option(names = "--round", description = "Take the labels given up to this round (default: ${DEFAULT-VALUE}).")
    int round = 10;

    @Option(names = "--passes", description = "Passes over the labelled set (default: the app's).")
    Integer passes;

    @Option(names = "--max-steps", description = "At most this many steps (default: the app's).")
    Integer maxSteps;

    @Option(names = "--augment", description = "Augmentation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Augment augment = Augment.STANDARD;

    @Option(names = "--training-seed", description = "Seed of the training (default: the review round's, seed × 1000 + round).")
    Long trainingSeed;

    @Option(names = "--json", required = true, description = "Results file; rows are added and a row already there is skipped.")
    Path json;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws java.io.IOException {
        if (!Files.isRegularFile(log)) {
            System.err.println("No review-round log at " + log + ": give the JSON an `experiment review-round --small-start` run wrote.");
            return 2;
        }
        var store = data.ready();
        List<Map<String, Object>> rows = ReviewRoundLog.read(log);
        List<Map<String, Object>> out = ReviewRoundLog.read(json);
        RetrainRecipe recipe = RetrainRecipe.SMALL_START.withAugmentation(augment.augmentation);
        if (passes != null) recipe = recipe.withPasses(passes);
        if (maxSteps != null) recipe = recipe.withMaxSteps(maxSteps);
        List<Long> chosen = seeds != null ? seeds : rows.stream().map(r -> ((Number) r.get("seed")).longValue()).distinct().toList();
        for (long seed : chosen) {
            ReviewRoundLog.Resumed done = ReviewRoundLog.resumed(rows, seed);
            if (done.rounds() < round) {
                System.err.printf("seed %d has %d rounds in %s, fewer than --round %d%n", seed, done.rounds(), log, round);
                return 2;
            }
            long training = trainingSeed != null ? trainingSeed : seed * 1000 + round;
            String variant = recipe.describe() + " · training seed " + training;
            boolean already = out.stream().anyMatch(r -> ((Number) r.get("seed")).longValue() == seed
                    && ((Number) r.get("round")).intValue() == round && variant.equals(r.get("recipe")));
            if (already) {
                System.out.printf("seed %d: already in %s%n", seed, json);
                continue;
            }
            Path start = ReviewRoundLog.checkpointOf(log, seed, "start");
            if (!Files.isRegularFile(start)) {
                System.err.println("The start model of seed " + seed + " is not beside the log (" + start + "); run the review-round "
                        + "command again to make it.");
                return 2;
            }
            LoadedModel first = ModelFile.load(start);
            Digits train = first.metadata().degradation().apply(store.train());
            Digits test = first.metadata().degradation().apply(store.test());
            ReviewContract contract = ReviewContract.of(first.metadata(), train);
            Map<Integer, Integer> labels = done.answersUpTo(round);
            ProgressLine line = new ProgressLine(System.err);
            long started = System.nanoTime();
            ReviewRound.Candidate c = ReviewRound.retrain(first, contract, labels, List.of(), 0, test, null, recipe, training,
                    (f, m) -> line.draw("seed " + seed, f, m), CancellationToken.none());
            line.clear();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", seed);
            row.put("round", round);
            row.put("labels", labels.size() + contract.trainedCount());
            row.put("recipe", variant);
            row.put("validation", c.after().validation());
            row.put("validationImages", c.gateSize());
            row.put("test", c.after().test());
            row.put("seconds", (System.nanoTime() - started) / 1e9);
            out.add(row);
            ReviewRoundLog.write(json, out);
            System.out.printf(Locale.ROOT, "seed %d, %d labels, %s: validation %.2f %% · test %.2f %%%n", seed, labels.size()
                    + contract.trainedCount(), variant, c.after().validation() * 100, c.after().test() * 100);
        }
        return 0;
    }
}
