package digitloop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.files.AtomicWrite;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kaggle's Digit Recognizer CSVs: round trips at Kaggle's sizes with real MNIST, and one test per kind of bad file. */
class KaggleCsvTest {

    @Test
    void aTrainCsvOfMnistReadsBackAsTheIdxDigits(@TempDir Path dir) throws IOException {
        Digits idx = KaggleTestFiles.trainDigits();
        long start = System.nanoTime();
        Path csv = KaggleTestFiles.trainCsv(dir);
        long written = System.nanoTime();

        Digits read = KaggleCsvReader.read(csv, KaggleLayout.TRAIN, ProgressSink.NONE, CancellationToken.none());
        long done = System.nanoTime();

        System.out.printf("train.csv of %d rows, %d bytes: written in %.1f s, read in %.1f s%n", read.size(), Files.size(csv),
                (written - start) / 1e9, (done - written) / 1e9);
        assertEquals(KaggleTestFiles.TRAIN_ROWS, read.size());
        assertEquals(28, read.side());
        assertArrayEquals(idx.pixelsView(), read.pixelsView(), "every pixel as IdxReader scales it");
        assertArrayEquals(idx.labels(), read.labels());
        assertArrayEquals(Digits.consecutiveIds(read.size(), 0), read.ids());
        assertEquals(idx.contentMd5(), read.contentMd5());
        assertEquals(KaggleLayout.TRAIN.header(), firstLine(csv));
    }

    @Test
    void aTestCsvHasKagglesHeaderAndReadsBackUnlabelled(@TempDir Path dir) throws IOException {
        Path csv = KaggleTestFiles.testCsv(dir);

        Digits read = KaggleCsvReader.read(csv, KaggleLayout.TEST, ProgressSink.NONE, CancellationToken.none());

        assertEquals(KaggleTestFiles.TEST_ROWS, read.size());
        assertArrayEquals(KaggleTestFiles.testDigits().pixelsView(), read.pixelsView());
        assertTrue(Arrays.stream(read.labels()).allMatch(l -> l == Digits.UNLABELED));
        assertTrue(firstLine(csv).startsWith("pixel0,pixel1,"));
        assertTrue(firstLine(csv).endsWith(",pixel782,pixel783"));
        assertEquals(KaggleLayout.PIXELS, firstLine(csv).split(",").length);
        try (Stream<String> lines = Files.lines(csv)) {
            assertEquals(KaggleTestFiles.TEST_ROWS + 1, lines.count());
        }
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndAFinalEmptyLineAreAccepted(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> lines);
        String text = "\ufeff" + String.join("\r\n", Files.readAllLines(csv)) + "\r\n\r\n";
        Files.writeString(csv, text, StandardCharsets.UTF_8);

        Digits read = KaggleCsvReader.read(csv, KaggleLayout.TRAIN, ProgressSink.NONE, CancellationToken.none());

        assertArrayEquals(TestData.test().head(5).pixelsView(), read.pixelsView());
    }

    @Test
    void leadingZerosAreHarmlessAndALongNumberIsAbove255(@TempDir Path dir) throws IOException {
        Path zeros = small(dir, lines -> replaceLine(lines, 1, setValue(lines.get(1), 1, "0000")));
        assertEquals(0f, KaggleCsvReader.read(zeros, KaggleLayout.TRAIN, ProgressSink.NONE, CancellationToken.none()).image(0)[0]);

        Path big = small(dir, lines -> replaceLine(lines, 1, setValue(lines.get(1), 1, "99999999999999")));
        assertMessage(big, KaggleLayout.TRAIN, "line 2, column 2: ", "pixel0 is '99999999999999', above 255");
    }

    @Test
    void theSubmissionIsImageIdAndLabelFromOne(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("submission.csv");

        KaggleCsvWriter.writeSubmission(out, new int[] {7, 2, 1, 0}, CancellationToken.none());

        assertEquals("ImageId,Label\n1,7\n2,2\n3,1\n4,0\n", Files.readString(out));
    }

    @Test
    void aCancelledWriteLeavesNoFile(@TempDir Path dir) throws IOException {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        Path out = dir.resolve("submission.csv");

        assertThrows(CancellationException.class, () -> KaggleCsvWriter.writeSubmission(out, new int[] {1}, cancel));

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aWrongHeaderNamesItsColumn(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 0, lines.get(0).replace(",pixel1,", ",pixl1,")));

        assertMessage(csv, KaggleLayout.TRAIN, "line 1, column 3: ", "the header says 'pixl1' where pixel1 belongs");
    }

    @Test
    void aRowMissingAPixelNamesWhereItEnds(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 3, lines.get(3).substring(0, lines.get(3).lastIndexOf(','))));

        assertMessage(csv, KaggleLayout.TRAIN, "line 4, column 785: ", "the row ends after 784 values, a train.csv row has 785");
    }

    @Test
    void aRowWithAPixelTooManyNamesTheExtraColumn(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 2, lines.get(2) + ",0"));

        assertMessage(csv, KaggleLayout.TRAIN, "line 3, column 786: ", "the row has 786 values, a train.csv row has 785");
    }

    @Test
    void aTestCsvRowOf783Or785ValuesIsRefused(@TempDir Path dir) throws IOException {
        Path shortRow = testSmall(dir, "short.csv", lines -> replaceLine(lines, 1, lines.get(1).substring(lines.get(1).indexOf(',') + 1)));
        Path longRow = testSmall(dir, "long.csv", lines -> replaceLine(lines, 5, "0," + lines.get(5)));

        assertMessage(shortRow, KaggleLayout.TEST, "line 2, column 784: ", "the row ends after 783 values, a test.csv row has 784");
        assertMessage(longRow, KaggleLayout.TEST, "line 6, column 785: ", "the row has 785 values, a test.csv row has 784");
    }

    @Test
    void aPixelOf256IsRefused(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 2, setValue(lines.get(2), 4, "256")));

        assertMessage(csv, KaggleLayout.TRAIN, "line 3, column 5: ", "pixel3 is '256', above 255", "Pixels are whole numbers 0-255");
    }

    @Test
    void aPixelThatIsNotANumberIsRefused(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 5, setValue(lines.get(5), 101, "abc")));

        assertMessage(csv, KaggleLayout.TRAIN, "line 6, column 102: ", "pixel100 is 'abc', not a whole number");
    }

    @Test
    void aLabelOf10IsRefused(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> replaceLine(lines, 1, setValue(lines.get(1), 0, "10")));

        assertMessage(csv, KaggleLayout.TRAIN, "line 2, column 1: ", "label is '10', not a digit 0-9", "Labels are the digits 0-9");
    }

    @Test
    void anEmptyFileIsRefused(@TempDir Path dir) throws IOException {
        Path csv = Files.createFile(dir.resolve("train.csv"));

        assertMessage(csv, KaggleLayout.TRAIN, "line 1: ", "the file is empty, expected the header label,pixel0,…,pixel783");
    }

    @Test
    void aHeaderWithoutRowsIsRefused(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> lines.subList(0, 1));

        assertMessage(csv, KaggleLayout.TRAIN, "line 2: ", "there are no rows after the header");
    }

    @Test
    void aTestCsvWhereATrainCsvBelongsIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path csv = testSmall(dir, "test.csv", lines -> lines);

        assertMessage(csv, KaggleLayout.TRAIN, "line 1, column 1: ", "this is a Kaggle test.csv", "a train.csv is expected here");
    }

    @Test
    void aTrainCsvWhereATestCsvBelongsIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path csv = small(dir, lines -> lines);

        assertMessage(csv, KaggleLayout.TEST, "line 1, column 1: ", "this is a Kaggle train.csv", "a test.csv is expected here");
    }

    @Test
    void aZipArchiveIsToldToBeUnzipped(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("train.csv.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

        assertMessage(zip, KaggleLayout.TRAIN, "line 1: ", "this is a zip archive", "Unzip it first");
    }

    /** The message is one line: the absolute file, then where, then what, then what to do. */
    private static void assertMessage(Path csv, KaggleLayout layout, String where, String... parts) {
        KaggleCsvFormatException e = assertThrows(KaggleCsvFormatException.class,
                () -> KaggleCsvReader.read(csv, layout, ProgressSink.NONE, CancellationToken.none()));
        String message = e.getMessage();
        System.out.println(message);
        assertTrue(message.startsWith(csv.toAbsolutePath() + ": " + where), message);
        for (String part : parts) assertTrue(message.contains(part), "missing '" + part + "' in: " + message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.endsWith("."), message);
    }

    /** A train.csv of the first five MNIST test digits, its lines edited by {@code edit}. */
    private static Path small(Path dir, UnaryOperator<List<String>> edit) throws IOException {
        return edited(dir, "train.csv", KaggleLayout.TRAIN, edit);
    }

    private static Path testSmall(Path dir, String name, UnaryOperator<List<String>> edit) throws IOException {
        return edited(dir, name, KaggleLayout.TEST, edit);
    }

    private static Path edited(Path dir, String name, KaggleLayout layout, UnaryOperator<List<String>> edit) throws IOException {
        Path csv = dir.resolve(name);
        KaggleCsvWriter.write(csv, TestData.test().head(5), layout, CancellationToken.none());
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(csv)));
        AtomicWrite.write(csv, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));
        return csv;
    }

    private static List<String> replaceLine(List<String> lines, int index, String line) {
        lines.set(index, line);
        return lines;
    }

    /** {@code row} with its value at 0-based {@code index} replaced. */
    private static String setValue(String row, int index, String value) {
        String[] values = row.split(",", -1);
        values[index] = value;
        return String.join(",", values);
    }

    private static String firstLine(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file)) {
            return in.readLine();
        }
    }
}
