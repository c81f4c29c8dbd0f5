package digitloop.cli;

import digitloop.data.Digits;
import digitloop.data.Degradation;
import digitloop.hitl.Oracle;
import digitloop.hitl.PoolSplit;
import digitloop.hitl.QueryOptions;
import digitloop.hitl.Retrainer;
import digitloop.hitl.StrategyKind;
import digitloop.model.AtomicFiles;
import digitloop.model.CnnSpec;
import digitloop.model.LoadedModel;
import digitloop.train.CancellationToken;
import digitloop.train.Evaluator;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "al-curve", mixinStandardHelpOptions = true,
        description = {"Gal, Islam & Ghahramani (2017): 20 balanced labels, acquire 10 at a time up to --max-labels, a small "
                + "dropout CNN retrained from scratch each round, scoring 2,000 random pool images (MC dropout T = 20). "
                + "Each (strategy, seed) appends to its own CSV as it goes; an interrupted run resumes; --report-only "
                + "builds the table and curve from whatever CSVs exist."})
public final class AlCurveCommand implements Callable<Integer> {
    /** The small dropout CNN of the protocol: two conv blocks, dense 128, dropout 0.5 before the softmax. */
    static final CnnSpec MODEL = new CnnSpec(List.of(32, 32), 3, 128, 0.5);
    /** Gradient steps per round, whatever the labelled set's size, so small sets are not under-trained. */
    static final int STEPS_PER_ROUND = 400;

    @Option(names = "--out", description = "Folder for the CSVs, table and curve (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("docs", "al-curve");

    @Option(names = "--strategies", split = ",", description = "Strategies (default: RANDOM,ENTROPY,MARGIN,BALD,VARIATION_RATIOS).")
    List<StrategyKind> strategies = List.of(StrategyKind.RANDOM, StrategyKind.ENTROPY, StrategyKind.MARGIN, StrategyKind.BALD,
            StrategyKind.VARIATION_RATIOS);

    @Option(names = "--seeds", description = "Seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(names = "--max-labels", description = "Stop at this many labels (default: ${DEFAULT-VALUE}).")
    int maxLabels = 1000;

    @Option(names = "--oracle-error", description = "Share of oracle answers that are wrong (default: ${DEFAULT-VALUE}).")
    double oracleError;

    @Option(names = "--report-only", description = "Only rebuild the table and the curve from existing CSVs.")
    boolean reportOnly;

    @Option(names = "--data", description = "Folder with the MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = digitloop.data.DatasetStore.DEFAULT_FOLDER;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        if (!reportOnly) {
            var store = DataAccess.ready(data);
            Digits train = store.train();
            Digits test = store.test();
            for (int seed = 1; seed <= seeds; seed++) {
                for (StrategyKind strategy : strategies) runOne(strategy, seed, train, test);
            }
        }
        AlCurveReport.write(out);
        System.out.println("Wrote " + out.resolve("table.md") + " and " + out.resolve("curve.png"));
        return 0;
    }

    private Path csvFor(StrategyKind strategy, int seed) {
        String noise = oracleError > 0 ? String.format(Locale.ROOT, "-oracle%.0fpct", oracleError * 100) : "";
        return out.resolve(strategy.name().toLowerCase(Locale.ROOT) + noise + "-seed" + seed + ".csv");
    }

    private void runOne(StrategyKind strategy, int seed, Digits train, Digits test) throws IOException {
        Path csv = csvFor(strategy, seed);
        PoolSplit split = PoolSplit.balanced(train, 20, 100, seed);
        Oracle oracle = new Oracle(split.hidden(), oracleError, seed);
        Set<Integer> testIds = Retrainer.idsOf(test);
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        int labels = 20;
        List<String[]> done = readRows(csv);
        for (String[] row : done) {
            labels = Integer.parseInt(row[0]);
            if (row.length > 2 && !row[2].isBlank()) {
                for (String id : row[2].trim().split(" ")) answers.put(Integer.parseInt(id), oracle.answer(Integer.parseInt(id)));
            }
        }
        if (!done.isEmpty()) labels = 20 + answers.size();
        if (labels > maxLabels) return;
        if (done.isEmpty()) AtomicFiles.write(csv, "labels,test_accuracy,acquired_next\n".getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "%s seed %d: from %d labels%n", strategy.label(), seed, labels);
        while (labels <= maxLabels) {
            Digits set = Retrainer.trainingSet(split, answers, List.of(), Degradation.NONE, testIds);
            int batch = 32;
            int batchesPerEpoch = (set.size() + batch - 1) / batch;
            int epochs = Math.max(1, (STEPS_PER_ROUND + batchesPerEpoch - 1) / batchesPerEpoch);
            TrainingConfig config = new TrainingConfig(epochs, batch, 1e-3, 1.0, seed * 7919L + labels, 0.1, 0,
                    digitloop.data.Augmentation.NONE);
            LoadedModel model = new Trainer(config).train(MODEL, Degradation.NONE, set, split.validation(),
                    TrainingListener.NONE, CancellationToken.none()).model();
            double accuracy = Evaluator.evaluate(model.classifier(), test).accuracy();
            StringBuilder acquired = new StringBuilder();
            if (labels < maxLabels) {
                var remaining = remainingPool(split, answers);
                int[] picked = strategy.create().select(model.classifier(), remaining.pool(), 10,
                        new QueryOptions(2000, false, 20, seed * 100_003L + labels));
                for (int index : picked) {
                    int id = remaining.pool().id(index);
                    answers.put(id, oracle.answer(id));
                    acquired.append(acquired.length() == 0 ? "" : " ").append(id);
                }
            }
            appendLine(csv, String.format(Locale.ROOT, "%d,%.4f,%s%n", labels, accuracy, acquired));
            System.out.printf(Locale.ROOT, "  %s seed %d: %d labels → %.2f %%%n", strategy.label(), seed, labels, accuracy * 100);
            labels += 10;
        }
    }

    record Remaining(digitloop.hitl.Pool pool) {
    }

    private static Remaining remainingPool(PoolSplit split, Map<Integer, Integer> answers) {
        return new Remaining(split.withoutAnswered(answers.keySet()));
    }

    static List<String[]> readRows(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (!Files.isRegularFile(csv)) return rows;
        String text = Files.readString(csv);
        String[] lines = text.split("\n", -1);
        // The last element is empty when the file ends in a newline; otherwise it is a torn row: ignore it.
        for (int i = 1; i < lines.length - 1; i++) {
            if (!lines[i].isBlank()) rows.add(lines[i].split(",", -1));
        }
        if (!text.endsWith("\n")) {
            Files.writeString(csv, text.substring(0, text.lastIndexOf('\n') + 1));
        }
        return rows;
    }

    private static void appendLine(Path csv, String line) throws IOException {
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
    }

    static Map<String, List<Path>> csvsByRun(Path folder) throws IOException {
        Map<String, List<Path>> byRun = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(p -> {
                String name = p.getFileName().toString().replaceFirst("-seed\\d+\\.csv$", "");
                byRun.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
            });
        }
        return byRun;
    }
}
