package digitloop.cli;

import digitloop.data.Digits;
import digitloop.hitl.Oracle;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.RetrainRecipe;
import digitloop.hitl.ReviewContract;
import digitloop.hitl.ReviewQueue;
import digitloop.hitl.ReviewRound;
import digitloop.hitl.SmallStart;
import digitloop.hitl.StrategyKind;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code experiment review-round}: the Review tab's round (the same engine classes, no Swing) with an
 * oracle in place of the person, so what the app promises is measured.
 */
@Command(name = "review-round", mixinStandardHelpOptions = true,
        description = {"The Review tab's round run headless with an oracle: the strategy picks --labels pool images the model has "
                + "never trained on, the oracle answers, the model is retrained by the app's recipe, the gate compares it with the "
                + "current model on held-out validation images, and the same number of random labels is the baseline. With "
                + "--small-start N a project starts from a model trained on N balanced labels and runs --rounds rounds, each "
                + "retrained model taking over only when the gate lets it."})
public final class ExperimentReviewRoundCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model to start from (default: ${DEFAULT-VALUE}); ignored with --small-start.")
    Path model = digitloop.files.AppHome.resolve("models", "cnn.zip");

    @Option(names = "--small-start", description = "Start a small-start project of this many balanced labels instead of --model.")
    int smallStart;

    @Option(names = "--rounds", description = "Rounds per seed (default: ${DEFAULT-VALUE}).")
    int rounds = 1;

    @Option(names = "--labels", description = "Labels per round (default: ${DEFAULT-VALUE}).")
    int labels = 50;

    @Option(names = "--strategy", description = "Query strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    StrategyKind strategy = StrategyKind.MARGIN;

    @Option(names = "--scored", description = "Pool images scored per round, a random subset as the Review tab's \"Score pool images\"; 0 = all (default: ${DEFAULT-VALUE}).")
    int scored = 5000;

    @Option(names = "--seeds", description = "Seeds, run as --first-seed, --first-seed + 1, ... (default: ${DEFAULT-VALUE}).")
    int seeds = 1;

    @Option(names = "--first-seed", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed = 1;

    @Option(names = "--oracle-error", description = "Share of oracle answers that are wrong (default: ${DEFAULT-VALUE}).")
    double oracleError;

    @Option(names = "--replay", description = "Fine-tune: images of the model's own training set replayed (0 = all; default: the app's).")
    Integer replay;

    @Option(names = "--repeat", description = "Fine-tune: times each label is repeated (default: the app's).")
    Integer repeat;

    @Option(names = "--lr", description = "Learning rate (default: the app's).")
    Double learningRate;

    @Option(names = "--passes", description = "Passes over the retraining set (default: the app's).")
    Integer passes;

    @Option(names = "--max-steps", description = "From scratch (small start): at most this many steps per retrain (default: the app's).")
    Integer maxSteps;

    @Option(names = "--batch-norm", description = "Fine-tune: FROZEN or UPDATED running statistics (default: the app's).")
    BatchNorm batchNorm;

    @Option(names = "--trainable-layers", description = "Fine-tune: only the last this many layers change, 0 = all (default: the app's).")
    Integer trainableLayers;

    @Option(names = "--momentum", description = "Fine-tune: SGD with this Nesterov momentum instead of Adam, 0 = Adam (default: the app's).")
    Double momentum;

    @Option(names = "--no-baseline", description = "Skip the random-label baseline.")
    boolean noBaseline;

    @Option(names = "--json", description = "Write every round's figures here. Run the same command again to resume: finished "
            + "rounds are read back from this file, the current model from the checkpoint beside it (or retrained from the recorded labels).")
    Path json;

    @picocli.CommandLine.Mixin
    DataOption data;

    enum BatchNorm { FROZEN, UPDATED }

    @Override
    public Integer call() throws Exception {
        var store = data.ready();
        List<Map<String, Object>> out = json == null ? new ArrayList<>() : ReviewRoundLog.read(json);
        LoadedModel given = smallStart > 0 ? null : ModelFile.load(model);
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            ReviewRoundLog.Resumed done = ReviewRoundLog.resumed(out, seed);
            if (done.rounds() >= rounds) {
                System.out.printf("seed %d: %d rounds already in %s%n", seed, done.rounds(), json);
                continue;
            }
            Path checkpoint = json == null ? null : ReviewRoundLog.checkpointOf(json, seed, "current");
            LoadedModel first = given != null ? given
                    : startModel(store.train(), seed, json == null ? null : ReviewRoundLog.checkpointOf(json, seed, "start"));
            LoadedModel current = first;
            Digits train = current.metadata().degradation().apply(store.train());
            Digits test = current.metadata().degradation().apply(store.test());
            ReviewContract start = ReviewContract.of(current.metadata(), train);
            RetrainRecipe recipe = recipe(start.workflow());
            System.out.println(start.description());
            System.out.println("recipe: " + recipe.describe());
            int[] beforeTest = null;
            int corrections = done.corrections();
            Map<Integer, Integer> answers = new LinkedHashMap<>(done.answers());
            Oracle oracle = new Oracle(start.hidden(), oracleError, seed);
            if (done.rounds() > 0) {
                current = resumedModel(first, start, done, checkpoint, test, recipe, seed);
                System.out.printf("seed %d: resuming after round %d (%d labels)%n", seed, done.rounds(), answers.size());
            }
            for (int round = done.rounds() + 1; round <= rounds; round++) {
                long roundStart = System.nanoTime();
                ReviewContract contract = ReviewContract.of(current.metadata(), train);
                long scoring = System.nanoTime();
                // The Review tab's queue: the strategy's choice, less what was answered, with the model's guess.
                ReviewQueue queue = ReviewQueue.build(current.classifier(), contract.pool(), strategy, labels,
                        new QueryOptions(scored, false, 20, seed * 1000 + round), answers.keySet());
                double scoringSeconds = (System.nanoTime() - scoring) / 1e9;
                List<int[]> answered = new ArrayList<>();
                for (ReviewQueue.Item item : queue.items()) {
                    int label = oracle.answer(item.sampleId());
                    answers.put(item.sampleId(), label);
                    answered.add(new int[] {item.sampleId(), label});
                    if (label != item.guess()) corrections++;
                }
                ProgressLine line = new ProgressLine(System.err);
                String label = "round " + round;
                ReviewRound.Candidate c = ReviewRound.retrain(current, contract, answers, List.of(), corrections, test, beforeTest, recipe,
                        seed * 1000 + round, (f, m) -> line.draw(label, f, m), CancellationToken.none());
                line.clear();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seed", seed);
                row.put("round", round);
                row.put("model", current.metadata().name());
                row.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
                row.put("labels", answers.size());
                row.put("corrections", corrections);
                row.put("validationBefore", c.before().validation());
                row.put("validationAfter", c.after().validation());
                row.put("testBefore", c.before().test());
                row.put("testAfter", c.after().test());
                row.put("nowRight", c.nowRight().length);
                row.put("nowWrong", c.nowWrong().length);
                row.put("verdict", c.verdict().name());
                row.put("recipe", recipe.describe());
                Map<String, Double> seconds = new LinkedHashMap<>();
                seconds.put("score the pool", scoringSeconds);
                seconds.putAll(c.seconds());
                row.put("seconds", seconds);
                row.put("retrainToResultSeconds", (System.nanoTime() - roundStart) / 1e9 - scoringSeconds);
                boolean accepted = c.verdict() == ReviewRound.Verdict.NOT_WORSE;
                row.put("accepted", accepted);
                row.put("answered", answered);
                String baseline = "";
                if (!noBaseline) {
                    // From scratch the baseline is the random path of the same total budget; a fine-tune's is one round's worth.
                    int budget = start.workflow() == ReviewContract.Workflow.SMALL_START ? answers.size() : queue.size();
                    ReviewRound.Baseline b = ReviewRound.randomBaseline(current, start.workflow() == ReviewContract.Workflow.SMALL_START
                            ? start : contract, budget, test, recipe, seed * 1000 + round, (f, m) -> line.draw("baseline", f, m),
                            CancellationToken.none());
                    line.clear();
                    row.put("randomValidation", b.measure().validation());
                    row.put("randomTest", b.measure().test());
                    row.put("randomLabels", b.labels());
                    row.put("randomSeconds", b.seconds());
                    baseline = String.format(Locale.ROOT, " · random %.2f %% val / %.2f %% test", b.measure().validation() * 100,
                            b.measure().test() * 100);
                }
                System.out.printf(Locale.ROOT, "seed %d round %d: %d labels (%d corrections) · validation %.2f -> %.2f %% · test %.2f -> "
                                + "%.2f %% (+%d/-%d images) · %s%s · %.0f s to the result%n", seed, round, answers.size(), corrections,
                        c.before().validation() * 100, c.after().validation() * 100, c.before().test() * 100, c.after().test() * 100,
                        c.nowRight().length, c.nowWrong().length, accepted ? "accepted" : "kept the old model", baseline, (double) row.get("retrainToResultSeconds"));
                if (accepted) {
                    current = c.model();
                    beforeTest = c.testScores().predictions();
                    // The model first, then the row that says it exists: a kill between the two redoes one round.
                    if (checkpoint != null) ModelFile.save(checkpoint, current.network(), current.metadata());
                } else if (beforeTest == null) {
                    beforeTest = predictionsOf(current, test);
                }
                out.add(row);
                if (json != null) ReviewRoundLog.write(json, out);
            }
        }
        if (json != null) System.out.println("Wrote " + json);
        return 0;
    }

    /**
     * The model current after the rounds already done: the checkpoint when it is there, else (a small
     * start on another machine) the last accepted round retrained from scratch on the labels recorded
     * up to it, with that round's seed.
     */
    private LoadedModel resumedModel(LoadedModel first, ReviewContract start, ReviewRoundLog.Resumed done, Path checkpoint,
                                     Digits test, RetrainRecipe recipe, long seed) {
        if (done.lastAccepted() == 0) return first;
        Map<Integer, Integer> labels = done.answersUpTo(done.lastAccepted());
        // A kill between saving the model and writing its row leaves a checkpoint one round ahead: not this one.
        if (checkpoint != null && java.nio.file.Files.isRegularFile(checkpoint)
                && ModelFile.readMetadata(checkpoint).trainedOnOrInferred().humanIds().size() == labels.size()) {
            return ModelFile.load(checkpoint);
        }
        if (smallStart <= 0) {
            throw new IllegalStateException("A fine-tuned model cannot be rebuilt from its labels alone, and there is no checkpoint to resume from: "
                    + "run again with a new --json file.");
        }
        ProgressLine line = new ProgressLine(System.err);
        ReviewRound.Candidate c = ReviewRound.retrain(first, start, labels, List.of(), 0, test, null, recipe,
                seed * 1000 + done.lastAccepted(), (f, m) -> line.draw("rebuilding round " + done.lastAccepted(), f, m), CancellationToken.none());
        line.clear();
        if (checkpoint != null) ModelFile.save(checkpoint, c.model().network(), c.model().metadata());
        return c.model();
    }

    /** The small start's first model: read from {@code saved} when a run before this one left it there, else trained (and saved there). */
    private LoadedModel startModel(Digits rawTrain, long seed, Path saved) {
        if (saved != null && java.nio.file.Files.isRegularFile(saved)) return ModelFile.load(saved);
        ProgressLine line = new ProgressLine(System.err);
        LoadedModel m = SmallStart.train(rawTrain, smallStart, seed, SmallStart.MODEL, (f, msg) -> line.draw("start model", f, msg),
                CancellationToken.none());
        line.clear();
        if (saved != null) ModelFile.save(saved, m.network(), m.metadata());
        return m;
    }

    private static int[] predictionsOf(LoadedModel m, Digits test) {
        return m.classifier().score(test).predictions();
    }

    private RetrainRecipe recipe(ReviewContract.Workflow workflow) {
        RetrainRecipe r = RetrainRecipe.forWorkflow(workflow);
        if (replay != null) r = r.withReplay(replay);
        if (repeat != null) r = r.withRepeat(repeat);
        if (learningRate != null) r = r.withLearningRate(learningRate);
        if (passes != null) r = r.withPasses(passes);
        if (batchNorm != null) r = r.withFreezeBatchNorm(batchNorm == BatchNorm.FROZEN);
        if (trainableLayers != null) r = r.withTrainableLayers(trainableLayers);
        if (momentum != null) r = r.withMomentum(momentum);
        if (maxSteps != null) r = r.withMaxSteps(maxSteps);
        return r;
    }
}
