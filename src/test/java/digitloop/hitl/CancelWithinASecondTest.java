package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.model.Classifier;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.Evaluator;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel during retraining, evaluation and pool scoring stops the work within a second. The default CNN scores
 * about 1,500 images a second here, so each job below would run for many seconds if Cancel were
 * only noticed at the end.
 */
class CancelWithinASecondTest {
    private static final long LIMIT_MS = 1000;
    private static final long CANCEL_AFTER_MS = 400;
    private static Classifier model;
    private static PoolSplit split;

    @BeforeAll
    static void defaultCnnAndAPool() throws IOException {
        LoadedModel loaded = ModelFile.load(Path.of("models", "cnn.zip"));
        model = loaded.classifier();
        split = PoolSplit.create(TestData.train(), 100, 100, 3);
        model.score(TestData.test().head(500)); // native kernels warmed up: the timing is of steady work
    }

    @Test
    void evaluatingTheTestSetStopsWithinASecond() {
        assertStopsWithinASecond(token -> Evaluator.evaluate(model, TestData.test(), token));
    }

    @Test
    void scoringThePoolForEntropyStopsWithinASecond(@TempDir Path dir) throws IOException {
        try (LabelJournal journal = LabelJournal.open(dir.resolve("journal.tsv"), "fp")) {
            assertStopsWithinASecond(token -> ReviewQueue.build(model, split.pool(), StrategyKind.ENTROPY, 50,
                    QueryOptions.DEFAULT, journal, token));
            assertTrue(journal.lastQueue().isEmpty(), "a cancelled queue is not recorded");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.allMatch(p -> p.getFileName().toString().startsWith("journal")), "no temporary files left behind");
        }
    }

    @Test
    void mcDropoutScoringForBaldStopsWithinASecond() {
        QueryOptions options = new QueryOptions(20_000, false, 20, 1);
        assertStopsWithinASecond(token -> StrategyKind.BALD.create().select(model, split.pool(), 10, options, token));
    }

    @Test
    void retrainingStopsWithinASecond() throws IOException {
        LoadedModel current = ModelFile.load(Path.of("models", "cnn.zip"));
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(5);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        assertStopsWithinASecond(token -> {
            result.set(Retrainer.retrain(current, TestData.train().head(20_000), split.validation(), 0,
                    Retrainer.Mode.FINE_TUNE, config, TrainingListener.NONE, token));
            throw new CancellationException("the trainer reports cancellation in its result");
        });
        assertEquals(TrainingResult.Status.CANCELLED, result.get().status());
    }

    private interface Job {
        Object run(CancellationToken token) throws Exception;
    }

    private static void assertStopsWithinASecond(Job job) {
        CancellationToken token = new CancellationToken();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        long[] stoppedAt = new long[1];
        Thread worker = new Thread(() -> {
            try {
                job.run(token);
            } catch (Throwable t) {
                outcome.set(t);
            }
            stoppedAt[0] = System.nanoTime();
        });
        worker.start();
        try {
            Thread.sleep(CANCEL_AFTER_MS);
            long cancelledAt = System.nanoTime();
            token.cancel();
            worker.join(30_000);
            assertTrue(!worker.isAlive(), "still running 30 s after Cancel");
            assertInstanceOf(CancellationException.class, outcome.get(), "the job finished instead of stopping");
            long ms = (stoppedAt[0] - cancelledAt) / 1_000_000;
            assertTrue(ms <= LIMIT_MS, "stopped " + ms + " ms after Cancel; the limit is " + LIMIT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
