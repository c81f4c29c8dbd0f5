package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelJournalTest {

    @Test
    void aLabelReachesTheFileBeforeAnswerReturns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.answer(42, 7, 1, 0.6f, "entropy");
            List<String> lines = Files.readAllLines(file);
            assertEquals(2, lines.size());
            assertTrue(lines.get(1).startsWith("A\t"), lines.get(1));
            assertTrue(lines.get(1).contains("\tfp\t42\t7\t1\t0.60000\tentropy\t"), lines.get(1));
        }
    }

    @Test
    void undoWorksTwelveDeepAndReopeningResumesExactly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            for (int id = 0; id < 15; id++) journal.answer(id, id % 10, 0, 0.5f, "margin");
            for (int n = 0; n < 12; n++) assertEquals(14 - n, journal.undo().sampleId());
            assertEquals(Map.of(0, 0, 1, 1, 2, 2), journal.effectiveLabels());
        }
        try (LabelJournal reopened = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(0, 0, 1, 1, 2, 2), reopened.effectiveLabels());
            assertEquals(2, reopened.corrections(), "labels 1 and 2 differ from the guess 0");
        }
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndTheRestIsKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.answer(1, 3, 3, 0.9f, "entropy");
            journal.answer(2, 4, 4, 0.9f, "entropy");
        }
        Files.writeString(file, "A\t17000\tfp\t3\t5\t5\t0.9", StandardOpenOption.APPEND);

        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(1, 3, 2, 4), journal.effectiveLabels());
            assertEquals(1, journal.skippedLines());
            journal.answer(3, 5, 5, 0.9f, "entropy");
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(1, 3, 2, 4, 3, 5), journal.effectiveLabels());
            assertEquals(0, journal.skippedLines(), "the torn bytes were cut off, the new line is whole");
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedNotMisread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.answer(1, 3, 3, 0.9f, "entropy");
            journal.answer(2, 4, 4, 0.9f, "entropy");
        }
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("\t3\t3\t", "\t8\t3\t"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(2, 4), journal.effectiveLabels());
            assertEquals(1, journal.skippedLines());
        }
    }

    @Test
    void aJournalOfAnotherDatasetIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        LabelJournal.open(file, "aaaa").close();
        JournalMismatchException e = assertThrows(JournalMismatchException.class, () -> LabelJournal.open(file, "bbbb"));
        assertTrue(e.getMessage().contains("another dataset (fingerprint aaaa, this one is bbbb)"), e.getMessage());
    }

    @Test
    void aJournalKilledWhileWritingItsHeaderStartsAfresh(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        Files.writeString(file, "# digitloop label jou");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(1, journal.skippedLines());
            journal.answer(1, 2, 2, 0.9f, "entropy");
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(1, 2), journal.effectiveLabels());
        }
    }

    @Test
    void aLineTornInsideAMultiByteCharacterIsCutAtTheRightByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.answer(1, 3, 3, 0.9f, "entropy");
        }
        byte[] whole = Files.readAllBytes(file);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        // A strategy name with a multi-byte character, cut after its first byte.
        Files.write(file, ("A\t1\tfp\t2\t4\t4\t0.9\tstrat").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(file, new byte[] {euro[0]}, StandardOpenOption.APPEND);

        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(Map.of(1, 3), journal.effectiveLabels());
        }
        assertArrayEquals(whole, Files.readAllBytes(file), "exactly the torn bytes were cut");
    }

    @Test
    void theLastQueueIsKeptAndADamagedQueueLineIsSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.recordQueue("entropy", List.of(5, 9, 2));
            journal.answer(5, 1, 1, 0.9f, "entropy");
            journal.recordQueue("bald", List.of(7, 8));
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(List.of(7, 8), journal.lastQueue().orElseThrow().sampleIds());
            assertEquals("bald", journal.lastQueue().orElseThrow().strategy());
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("7 8", "7 6"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertEquals(List.of(5, 9, 2), journal.lastQueue().orElseThrow().sampleIds(), "the damaged queue line is not trusted");
            assertEquals(1, journal.skippedLines());
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheJournal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("j.tsv");
        try (LabelJournal first = LabelJournal.open(file, "fp")) {
            JournalLockedException e = assertThrows(JournalLockedException.class, () -> LabelJournal.open(file, "fp"));
            assertTrue(e.getMessage().contains("another DigitLoop"), e.getMessage());
            first.answer(1, 1, 1, 1f, "entropy");
        }
        try (LabelJournal again = LabelJournal.open(file, "fp")) {
            assertEquals(1, again.answeredCount());
        }
    }

    @Test
    void aTaughtDrawingKeepsItsPixelsAndLabel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("j.tsv");
        float[] pixels = new float[784];
        pixels[400] = 1f;
        pixels[401] = 0.5f;
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            journal.teachDrawing(pixels, 4, 9, 0.7f);
        }
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            LabelEvent d = journal.drawings().get(0);
            assertEquals(4, d.label());
            assertTrue(d.sampleId() < 0, "drawings get ids of their own");
            assertArrayEquals(pixels, d.pixels(), 1f / 255);
            assertEquals(1, journal.corrections());
        }
    }

    @Test
    void aLabelOutsideZeroToNineIsRefused(@TempDir Path dir) throws IOException {
        try (LabelJournal journal = LabelJournal.open(dir.resolve("j.tsv"), "fp")) {
            assertThrows(IllegalArgumentException.class, () -> journal.answer(1, 10, 0, 0f, "entropy"));
        }
    }
}
