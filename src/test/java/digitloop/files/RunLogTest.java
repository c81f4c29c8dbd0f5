package digitloop.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
    @Test
    void pruningKeepsTheNewestRunsAndNothingElseIsTouched(@TempDir Path dir) throws Exception {
        for (String stamp : List.of("20261101-100000-11", "20261102-100000-7", "20261103-090000-99", "20261103-090001-5")) {
            Files.createFile(dir.resolve(RunLog.PREFIX + stamp + RunLog.SUFFIX));
        }
        Path notes = Files.createFile(dir.resolve("notes.txt"));

        RunLog.prune(dir, 2);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("digitloop-20261103-090000-99.log", "digitloop-20261103-090001-5.log", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.exists(notes));
    }

    @Test
    void aLogFileChosenBeforeTheStartIsKept() {
        // Surefire sets one under target/, so tests never write the person's logs/.
        String preset = System.getProperty(RunLog.SLF4J_FILE);
        assertTrue(preset != null && preset.contains("target"), "surefire sets the tests' log file: " + preset);

        RunLog.start();

        assertEquals(preset, System.getProperty(RunLog.SLF4J_FILE));
        assertEquals(Path.of(preset).toAbsolutePath().toString(), RunLog.describe());
    }
}
