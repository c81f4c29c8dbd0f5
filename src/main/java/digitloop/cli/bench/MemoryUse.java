package digitloop.cli.bench;

import digitloop.data.DatasetStore;
import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.files.AppHome;
import digitloop.files.AtomicWrite;
import digitloop.files.ResidentMemory;
import digitloop.model.CnnSpec;
import digitloop.model.Json;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resident size of the engine's two heavy jobs, each in a fresh child JVM with the launcher's JVM
 * options, so one job's peak is not counted in the other's: one epoch of the default CNN on the training
 * set (the Train tab's work), and scoring 50,000 pool images with the default model (the Review tab's).
 */
final class MemoryUse {
    static final String TRAIN = "train";
    static final String SCORE = "score";
    static final String PEAK = "peakMiB";
    static final String HEAP = "heapPeakMiB";
    /** The launcher's JVM options (./digitloop): what a person's app runs with. */
    static final List<String> LAUNCHER_JVM = List.of("-Xmx3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=5G", "-XX:+ExplicitGCInvokesConcurrent");

    private MemoryUse() {
    }

    /** The child's side: runs {@code job} and writes its resident peak and heap peak. */
    static void measure(String job, DatasetStore store, boolean quick, Path out) throws IOException {
        Digits train = store.train();
        if (TRAIN.equals(job)) {
            Digits images = quick ? train.head(5000) : train;
            new Trainer(TrainingConfig.DEFAULT.withEpochs(1)).named("memory").train(CnnSpec.DEFAULT, Degradation.NONE,
                    images, store.test().head(1000), TrainingListener.NONE, CancellationToken.none());
        } else if (SCORE.equals(job)) {
            Measurements.entropyScoringSeconds(ModelFile.load(AppHome.resolve("models", "cnn.zip")).classifier(),
                    train.head(quick ? 5000 : 50_000));
        } else {
            throw new IllegalArgumentException("no memory job " + job + "; try " + TRAIN + " or " + SCORE);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(PEAK, (double) ResidentMemory.now().peakMiB());
        values.put(HEAP, BenchReport.peakHeapMiB());
        AtomicWrite.write(out, Json.mapper().writeValueAsBytes(values));
    }

    static Map<String, Double> run(String job, boolean quick) throws IOException, InterruptedException {
        List<String> extra = new java.util.ArrayList<>(List.of("--memory-job=" + job));
        if (quick) extra.add("--quick");
        return ChildJvm.run(LAUNCHER_JVM, "--memory-child", extra, Map.of("OMP_WAIT_POLICY", "passive"), "bench-memory.log");
    }
}
