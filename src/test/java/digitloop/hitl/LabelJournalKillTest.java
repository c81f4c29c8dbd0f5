package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM labels in a loop; SIGKILL at random moments must never lose a label whose answer() had returned. */
class LabelJournalKillTest {
    static final int KILLS = 100;

    private static Process startChild(Path file) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp", System.getProperty("java.class.path"), JournalKillTestMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int ackOf(String line) {
        if (!line.startsWith("ack ")) throw new AssertionError("unexpected output from the child: " + line);
        return Integer.parseInt(line.substring(4));
    }

    @Test
    void everyAcknowledgedLabelSurvivesAHundredKills(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.tsv");
        Random random = new Random(3);
        int acknowledged = -1;
        int torn = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = startChild(file);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int wanted = 1 + random.nextInt(40);
            String line;
            for (int seen = 0; seen < wanted && (line = out.readLine()) != null; seen++) acknowledged = Math.max(acknowledged, ackOf(line));
            // The child keeps writing while we take whatever acks are ready for a random while: the kill lands
            // between writes or inside one, wherever the child happens to be.
            long until = System.nanoTime() + random.nextInt(5_000_000);
            while (System.nanoTime() < until) {
                if (out.ready() && (line = out.readLine()) != null) acknowledged = Math.max(acknowledged, ackOf(line));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");

            try (LabelJournal journal = LabelJournal.open(file, "fp")) {
                Map<Integer, Integer> labels = journal.effectiveLabels();
                for (int id = 0; id <= acknowledged; id++) {
                    assertEquals(id % 10, labels.get(id), "acknowledged label " + id + " lost after kill " + kill);
                }
                // Nothing but whole labels, in order: at most the one being written when the kill came is gone.
                for (int id = 0; id < labels.size(); id++) assertEquals(id % 10, labels.get(id), "label " + id);
                torn += journal.skippedLines();
            }
        }
        assertTrue(acknowledged >= KILLS, "the children acknowledged only " + (acknowledged + 1) + " labels");
        System.out.printf("%d labels acknowledged over %d kills; %d torn last lines skipped on reopening%n", acknowledged + 1, KILLS, torn);
    }

    @Test
    void aSecondProcessCannotOpenTheJournalWhileTheFirstWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.tsv");
        Process child = startChild(file);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            ackOf(out.readLine());
            JournalLockedException e = assertThrows(JournalLockedException.class, () -> LabelJournal.open(file, "fp"));
            assertTrue(e.getMessage().contains("open in another DigitLoop window or process"), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        // The OS drops the lock with the dead process: the journal opens again.
        try (LabelJournal journal = LabelJournal.open(file, "fp")) {
            assertTrue(journal.answeredCount() >= 1);
        }
    }
}
