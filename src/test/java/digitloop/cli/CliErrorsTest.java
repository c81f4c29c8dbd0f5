package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = RootCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aMissingModelFileIsOneClearLineWithoutAStackTrace(@TempDir Path dir) {
        Run r = run("evaluate", "--model", dir.resolve("nope.zip").toString());

        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: Model file "), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void anOptionThatDoesNotFitTheModelIsOneClearLine(@TempDir Path dir) {
        Run r = run("train", "--model", "lenet", "--layers", "8,16", "--out", dir.resolve("x.zip").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--layers applies to cnn and mlp"), r.err());
    }

    @Test
    void anUnknownOptionExitsWithUsageCode() {
        Run r = run("train", "--model", "cnn", "--out", "x.zip", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"fetch-data", "train", "evaluate", "kaggle", "kaggle submit"}) {
            String[] words = (command + " --help").split(" ");
            Run r = run(words);
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Usage: digitloop " + command), r.out());
        }
    }
}
