package digitloop.hitl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL at random moments must never lose a label whose answer() had returned. */
class LabelJournalKillTest {
    static final int KILLS = 20;

    @Test
    void everyAcknowledgedLabelSurvivesTwentyKills(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.tsv");
        Random random = new Random(3);
        int acknowledged = -1;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                    "-cp", System.getProperty("java.class.path"), JournalKillLoop.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int wanted = 1 + random.nextInt(40);
            String line;
            int seen = 0;
            while (seen < wanted && (line = out.readLine()) != null) {
                acknowledged = Math.max(acknowledged, Integer.parseInt(line.substring(4)));
                seen++;
            }
            // Keep reading acks while the kill lands at a random moment, mid-write or between writes.
            long deadline = System.nanoTime() + random.nextInt(20) * 1_000_000L;
            while (System.nanoTime() < deadline && out.ready() && (line = out.readLine()) != null) {
                acknowledged = Math.max(acknowledged, Integer.parseInt(line.substring(4)));
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // Acks printed just before the kill may still sit in the pipe: they count as acknowledged too.
            while ((line = out.readLine()) != null) acknowledged = Math.max(acknowledged, Integer.parseInt(line.substring(4)));

            try (LabelJournal journal = LabelJournal.open(file, "fp")) {
                Map<Integer, Integer> labels = journal.effectiveLabels();
                for (int id = 0; id <= acknowledged; id++) {
                    assertEquals(id % 10, labels.get(id), "acknowledged label " + id + " lost after kill " + (kill + 1));
                }
            }
        }
        assertTrue(acknowledged >= KILLS, "the children labelled " + (acknowledged + 1));
    }
}
