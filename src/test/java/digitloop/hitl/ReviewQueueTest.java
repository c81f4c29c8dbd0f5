package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.model.Classifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewQueueTest {
    private static Classifier model;
    private static Pool pool;

    @BeforeAll
    static void knownPool() {
        model = KnownUncertaintyModel.classifier();
        float[] values = new float[300];
        for (int i = 0; i < values.length; i++) values[i] = i % 3 == 0 ? KnownUncertaintyModel.BORDERLINE : 0f;
        pool = KnownUncertaintyModel.pool(values);
    }

    private static List<Integer> ids(ReviewQueue queue) {
        return queue.items().stream().map(ReviewQueue.Item::sampleId).toList();
    }

    @Test
    void itemsCarryTheModelsGuessAndLeaveOutWhatWasAnswered() {
        ReviewQueue all = ReviewQueue.build(model, pool, StrategyKind.ENTROPY, 5, QueryOptions.DEFAULT, Set.of());
        ReviewQueue.Item first = all.current();
        assertEquals(0, first.poolIndex() % 3, "borderline samples first");
        assertEquals(0.5f, first.guessProbability(), 1e-3f);
        assertEquals(pool.id(first.poolIndex()), first.sampleId());

        ReviewQueue rest = ReviewQueue.build(model, pool, StrategyKind.ENTROPY, 5, QueryOptions.DEFAULT, Set.of(first.sampleId()));
        assertFalse(ids(rest).contains(first.sampleId()));
        assertEquals(5, rest.size());
    }

    @Test
    void reopeningTheJournalResumesTheSameQueueAfterTheLastAnswer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.tsv");
        List<Integer> shown;
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            ReviewQueue queue = ReviewQueue.build(model, pool, StrategyKind.MARGIN, 8, QueryOptions.DEFAULT, journal);
            shown = ids(queue);
            for (int n = 0; n < 3; n++) {
                journal.answer(queue.current().sampleId(), 4, queue.current().guess(), queue.current().guessProbability(), queue.strategy());
                queue.next();
            }
            queue.skip();
            journal.answer(queue.current().sampleId(), 5, queue.current().guess(), queue.current().guessProbability(), queue.strategy());
            queue.next();
            assertEquals(5, queue.position());
            assertEquals(List.of(shown.get(3)), queue.skipped());
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            ReviewQueue resumed = ReviewQueue.resume(model, pool, journal).orElseThrow();
            assertEquals(shown, ids(resumed), "the same samples in the same order");
            assertEquals(5, resumed.position(), "after the last answered sample");
            assertEquals("margin", resumed.strategy());

            journal.undo();
            resumed.backTo(shown.get(4));
            assertEquals(4, resumed.position(), "undo shows the undone sample again");
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(3, ReviewQueue.resume(model, pool, journal).orElseThrow().position(),
                    "after the undo, the last answer in force is the third");
        }
    }

    @Test
    void aJournalWithoutAQueueHasNothingToResume(@TempDir Path dir) throws IOException {
        try (LabelJournal journal = LabelJournal.open(dir.resolve("j.tsv"), "fp")) {
            journal.answer(pool.id(0), 1, 1, 0.9f, "entropy");
            assertTrue(ReviewQueue.resume(model, pool, journal).isEmpty());
        }
    }
}
