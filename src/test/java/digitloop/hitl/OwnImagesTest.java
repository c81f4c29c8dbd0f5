package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.TestImages;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's folder of scans: real MNIST test digits drawn large, dark on white, some as JPEG, in subfolders. */
class OwnImagesTest {

    @Test
    void aFolderOfScansBecomesPoolImagesWithIdsThatSurviveRereading(@TempDir Path dir) throws IOException {
        Digits test = TestData.test();
        Files.createDirectories(dir.resolve("week2"));
        for (int i = 0; i < 6; i++) write(TestImages.scan(test, i), dir.resolve(i < 3 ? "scan" + i + ".png" : "week2/scan" + i + ".jpg"));
        Files.copy(dir.resolve("scan0.png"), dir.resolve("copy-of-scan0.png"));
        write(new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB), dir.resolve("black.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");

        OwnImages first = OwnImages.read(dir, ProgressSink.NONE, CancellationToken.none());
        assertEquals(6, first.size(), "six digits; the copy is one sample, the text file is not an image");
        assertTrue(first.unreadable().isEmpty() || first.unreadable().get(0).contains("black.png"), first.unreadable().toString());
        for (int i = 0; i < first.size(); i++) {
            assertTrue(OwnImages.isOwnImage(first.images().id(i)));
            assertEquals(Digits.UNLABELED, first.images().label(i));
        }
        assertTrue(first.nameOf(first.images().id(first.size() - 1)).startsWith("week2"), "names are relative to the folder");

        OwnImages again = OwnImages.read(dir, ProgressSink.NONE, CancellationToken.none());
        assertArrayEquals(first.images().ids(), again.images().ids(), "the same images get the same ids when read again");
    }

    @Test
    void anOwnImageLabelKeepsItsPixelsAndLeavesTheQueue(@TempDir Path dir) throws IOException {
        Digits test = TestData.test();
        Path folder = Files.createDirectories(dir.resolve("mine"));
        for (int i = 0; i < 3; i++) write(TestImages.scan(test, i), folder.resolve("d" + i + ".png"));
        OwnImages own = OwnImages.read(folder, ProgressSink.NONE, CancellationToken.none());
        int id = own.images().id(1);
        Path journalFile = dir.resolve("labels.tsv");
        try (LabelJournal journal = LabelJournal.open(journalFile, "fp")) {
            journal.teachDrawing(new float[784], 4, 4, 0.9f);
            journal.teachOwnImage(id, own.pixelsOf(id), test.label(1), 3, 0.4f, own.nameOf(id));
            journal.answer(17, 2, 2, 0.5f, "margin");
        }
        // The folder is gone: the label and its image are still in the journal, and the id is not asked again.
        Files.walk(folder).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (LabelJournal journal = LabelJournal.open(journalFile, "fp")) {
            assertEquals(Set.of(-1, id, 17), journal.labelledIds());
            assertEquals(2, journal.answeredCount(), "the pool answer and the own image; the drawing is counted apart");
            LabelEvent mine = journal.drawings().stream().filter(e -> e.sampleId() == id).findFirst().orElseThrow();
            assertEquals(test.label(1), mine.label());
            assertEquals("own image d1.png", mine.strategy());
            assertArrayEquals(own.pixelsOf(id), mine.pixels(), 0.5f / 255);
            assertEquals(Map.of(17, 2), journal.effectiveLabels(), "pool answers stay apart from images that carry their pixels");
            assertEquals(-2, journal.teachDrawing(new float[784], 1, 1, 0.9f).sampleId(), "drawings keep their own negative ids");
            assertEquals(-2, journal.undo().sampleId());
            assertEquals(17, journal.undo().sampleId());
            assertEquals(id, journal.undo().sampleId(), "undo walks back through own images too");
            assertEquals(Set.of(-1), journal.labelledIds());
        }
    }

    @Test
    void badFoldersSayWhatIsWrong(@TempDir Path dir) throws IOException {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> OwnImages.read(dir.resolve("nope"), ProgressSink.NONE, CancellationToken.none()));
        assertTrue(missing.getMessage().contains("is not a folder"), missing.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> OwnImages.read(dir, ProgressSink.NONE, CancellationToken.none()));
        assertTrue(empty.getMessage().startsWith("No images in"), empty.getMessage());
        write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), dir.resolve("blank.png"));
        var blank = assertThrows(IllegalArgumentException.class, () -> OwnImages.read(dir, ProgressSink.NONE, CancellationToken.none()));
        assertTrue(blank.getMessage().contains("shows a digit"), blank.getMessage());
    }

    private static void write(BufferedImage img, Path file) throws IOException {
        String name = file.getFileName().toString();
        ImageIO.write(img, name.endsWith(".jpg") ? "jpg" : "png", file.toFile());
    }
}
