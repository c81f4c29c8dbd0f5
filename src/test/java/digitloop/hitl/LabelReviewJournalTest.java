package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.data.LabelFixes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suspicious-labels queue's decisions in the label journal, and what training makes of them. */
class LabelReviewJournalTest {
    @TempDir
    Path temp;

    @Test
    void keepCorrectAndUnclearSurviveReopeningAndUndoTakesBackOnlyTheNewestReview() throws Exception {
        Path file = temp.resolve("journal.tsv");
        try (LabelJournal j = LabelJournal.open(file, "fp")) {
            j.answer(59_000, 4, 9, 0.6f, "entropy");
            j.review(10, 5, 5, 3, 0.9f, "confident-learning");                 // keep
            j.review(11, 1, 7, 7, 0.95f, "confident-learning");                // correct
            j.review(12, 8, LabelEvent.UNCLEAR, 0, 0.7f, "confident-learning"); // not a clear digit
            j.review(13, 2, 3, 3, 0.8f, "confident-learning");
            assertEquals(13, j.undoReview().sampleId());
            assertEquals(1, j.corrections(), "reviews are not counted as corrections of the pool's answers");
        }
        try (LabelJournal j = LabelJournal.open(file, "fp")) {
            Map<Integer, LabelEvent> reviews = j.reviews();
            assertEquals(Set.of(10, 11, 12), reviews.keySet());
            assertEquals(5, reviews.get(10).given());
            assertEquals(5, reviews.get(10).label());
            assertTrue(reviews.get(11).relabels());
            assertEquals(LabelEvent.UNCLEAR, reviews.get(12).label());
            assertEquals(0, reviews.get(12).modelGuess());
            assertEquals(Map.of(59_000, 4), j.effectiveLabels(), "the pool's answers are untouched by reviews");
            assertEquals(1, j.answeredCount());

            LabelFixes fixes = j.labelFixes(true);
            assertEquals(Map.of(11, 7), fixes.relabel());
            assertEquals(Set.of(12), fixes.leftOut());
            assertEquals(Set.of(), j.labelFixes(false).leftOut(), "unclear images can be kept");

            j.undoReview();
            j.undoReview();
            j.undoReview();
            assertNull(j.undoReview(), "nothing left to undo among the reviews");
            assertEquals(Map.of(59_000, 4), j.effectiveLabels(), "undoing reviews never takes back an answer");
        }
    }

    @Test
    void thePoolQueuesUndoTakesBackItsAnswerAndLeavesTheReviewsAlone() throws Exception {
        try (LabelJournal j = LabelJournal.open(temp.resolve("j.tsv"), "fp")) {
            j.answer(59_001, 2, 2, 0.5f, "margin");
            j.review(30, 1, 1, 7, 0.9f, "confident-learning");
            j.review(31, 6, LabelEvent.UNCLEAR, 0, 0.9f, "confident-learning");
            assertEquals(59_001, j.undo().sampleId());
            assertEquals(Map.of(), j.effectiveLabels());
            assertEquals(Set.of(30, 31), j.reviews().keySet(), "the reviews made after the answer are still in force");
            assertNull(j.undo());
        }
    }

    @Test
    void aJournalWrittenBeforeReviewsExistedStillReadsAndTakesReviewsAfterItsOldLines() throws Exception {
        Path file = temp.resolve("old.tsv");
        // The lines exactly as the codec wrote them before the REVIEW kind: an answer, a drawing and an undo.
        LabelEvent answer = new LabelEvent(LabelEvent.Kind.ANSWER, 1L, "fp", 7, 3, 5, 0.5f, "entropy", null);
        LabelEvent drawing = new LabelEvent(LabelEvent.Kind.DRAWING, 2L, "fp", -1, 2, 2, 0.9f, "drawing", new float[784]);
        LabelEvent retraction = new LabelEvent(LabelEvent.Kind.RETRACTION, 3L, "fp", -1, -1, -1, 0f, "", null);
        Files.writeString(file, JournalCodec.HEADER_PREFIX + "fp\n" + JournalCodec.encode(answer) + JournalCodec.encode(drawing)
                + JournalCodec.encode(retraction), StandardCharsets.UTF_8);
        assertTrue(Files.readString(file).lines().skip(1).noneMatch(l -> l.startsWith("L\t")));
        try (LabelJournal j = LabelJournal.open(file, "fp")) {
            assertEquals(0, j.skippedLines());
            assertEquals(Map.of(7, 3), j.effectiveLabels());
            assertTrue(j.drawings().isEmpty());
            j.review(20, 4, 9, 9, 0.99f, "confident-learning");
        }
        try (LabelJournal j = LabelJournal.open(file, "fp")) {
            assertEquals(0, j.skippedLines());
            assertEquals(Map.of(7, 3), j.effectiveLabels());
            assertEquals(Map.of(20, 9), j.labelFixes(true).relabel());
        }
    }

    @Test
    void fixesRelabelAndLeaveOutRealMnistImagesByIdWhereverTheyAre() {
        Digits train = TestData.train().head(1000);
        LabelFixes fixes = new LabelFixes(Map.of(5, (train.label(5) + 1) % 10), Set.of(0, 999, 123_456));
        Digits fixed = fixes.apply(train.subset(new int[] {999, 5, 0, 6}));
        assertEquals(2, fixed.size(), "ids 0 and 999 left out wherever they sit; an id not in the set changes nothing");
        assertEquals(5, fixed.id(0));
        assertEquals((train.label(5) + 1) % 10, fixed.label(0));
        assertEquals(6, fixed.id(1));
        assertEquals(train.label(6), fixed.label(1));
        assertTrue(java.util.Arrays.equals(train.image(5), fixed.image(0)));
    }
}
