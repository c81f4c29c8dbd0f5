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
 * Cancel during retraining, evaluation and pool scoring is noticed at the work's next check, and the
 * work checks once per batch (at most {@value Classifier#BATCH} images scored, one training batch), so
 * Cancel stops it within one batch's time on any machine. Counted in checks rather than milliseconds:
 * a loaded machine slows every batch but cannot move a check. Each job below would make hundreds of
 * checks if it ran to its end.
 */
class CancelStopsAtTheNextCheckTest {
    /** Checks the work makes before the test cancels: it is under way, far from its end. */
    private static final int CANCEL_AT_CHECK = 3;
    private static Classifier model;
    private static PoolSplit split;

    @BeforeAll
    static void defaultCnnAndAPool() throws IOException {
        LoadedModel loaded = ModelFile.load(Path.of("models", "cnn.zip"));
        model = loaded.classifier();
        split = PoolSplit.create(TestData.train(), 100, 100, 3);
    }

    @Test
    void scoringChecksOnceForEveryBatch() {
        CancellationToken token = new CancellationToken();
        model.score(TestData.test().head(1000), token);
        assertEquals((1000 + Classifier.BATCH - 1) / Classifier.BATCH, token.checks(), "one check before each batch of " + Classifier.BATCH);
    }

    @Test
    void evaluatingTheTestSetStopsAtTheNextCheck() {
        assertStopsAtTheNextCheck(token -> Evaluator.evaluate(model, TestData.test(), token));
    }

    @Test
    void scoringThePoolForEntropyStopsAtTheNextCheck(@TempDir Path dir) throws IOException {
        try (LabelJournal journal = LabelJournal.open(dir.resolve("journal.tsv"), "fp")) {
            assertStopsAtTheNextCheck(token -> ReviewQueue.build(model, split.pool(), StrategyKind.ENTROPY, 50,
                    QueryOptions.DEFAULT, journal, token));
            assertTrue(journal.lastQueue().isEmpty(), "a cancelled queue is not recorded");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.allMatch(p -> p.getFileName().toString().startsWith("journal")), "no temporary files left behind");
        }
    }

    @Test
    void mcDropoutScoringForBaldStopsAtTheNextCheck() {
        QueryOptions options = new QueryOptions(20_000, false, 20, 1);
        assertStopsAtTheNextCheck(token -> StrategyKind.BALD.create().select(model, split.pool(), 10, options, token));
    }

    @Test
    void retrainingStopsAtTheNextCheck() throws IOException {
        LoadedModel current = ModelFile.load(Path.of("models", "cnn.zip"));
        TrainingConfig config = TrainingConfig.DEFAULT.withEpochs(5);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        assertStopsAtTheNextCheck(token -> {
            result.set(Retrainer.retrain(current, TestData.train().head(20_000), split.validation(), 0,
                    Retrainer.Mode.FINE_TUNE, config, TrainingListener.NONE, token));
            throw new CancellationException("the trainer reports cancellation in its result");
        });
        assertEquals(TrainingResult.Status.CANCELLED, result.get().status());
    }

    private interface Job {
        Object run(CancellationToken token) throws Exception;
    }

    private static void assertStopsAtTheNextCheck(Job job) {
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
            while (token.checks() < CANCEL_AT_CHECK && worker.isAlive()) Thread.sleep(1);
            token.cancel();
            long cancelledAt = System.nanoTime();
            long checksAtCancel = token.checks();
            worker.join(120_000);
            assertTrue(!worker.isAlive(), "still running 2 min after Cancel");
            assertInstanceOf(CancellationException.class, outcome.get(), "the job finished instead of stopping");
            long after = token.checks() - checksAtCancel;
            System.out.printf("stopped %d check(s) and %.0f ms after Cancel%n", after, (stoppedAt[0] - cancelledAt) / 1e6);
            assertTrue(after <= 1, "the work went on for " + after + " checks after Cancel; it should stop at the first");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
