package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.cli.handwriting.PersonalHand;
import digitloop.hitl.LabelJournal;
import digitloop.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adapt}: the journal's drawings in, an adapted model out beside the one given, and clear refusals. */
class AdaptCommandTest {
    @Test
    void drawingsInTheJournalGiveAnAdaptedModelAndTheFiguresBeforeAndAfter(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.tsv");
        try (LabelJournal j = LabelJournal.open(journal, TestData.store().fingerprint())) {
            for (PersonalHand.Drawing d : PersonalHand.of(2).drawings(2, 7)) j.teachDrawing(d.pixels28(), d.label(), d.label(), 0.9f);
        }
        Path out = dir.resolve("mine.zip");
        CliErrorsTest.Run run = CliErrorsTest.run("adapt", "--journal", journal.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("held-back drawings") && run.out().contains("MNIST test"), run.out());
        assertTrue(ModelFile.readMetadata(out).test().accuracy() > 0.99, "MNIST kept: " + run.out());
    }

    @Test
    void tooFewDrawingsOrNoJournalIsOneLineAndNoFile(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.tsv");
        try (LabelJournal j = LabelJournal.open(journal, TestData.store().fingerprint())) {
            PersonalHand.Drawing d = PersonalHand.of(1).drawings(1, 1).get(3);
            j.teachDrawing(d.pixels28(), d.label(), d.label(), 0.9f);
        }
        Path out = dir.resolve("mine.zip");
        CliErrorsTest.Run few = CliErrorsTest.run("adapt", "--journal", journal.toString(), "--out", out.toString());
        assertEquals(2, few.code(), few.err());
        assertTrue(few.err().contains("holds 1 drawing(s)") && few.err().contains("at least 10"), few.err());
        CliErrorsTest.Run none = CliErrorsTest.run("adapt", "--journal", dir.resolve("nothing.tsv").toString(), "--out", out.toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("no label journal"), none.err());
        assertFalse(few.err().contains("at digitloop.") || none.err().contains("at digitloop."));
        assertFalse(Files.exists(out));
    }
}
