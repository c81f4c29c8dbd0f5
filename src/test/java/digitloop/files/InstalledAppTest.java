package digitloop.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed app keeps its files in the person's data folder and never overwrites theirs. */
class InstalledAppTest {

    @Test
    void theDataFolderFollowsXdgThenHome() {
        assertEquals(Path.of("/data/me/digitloop"), InstalledApp.dataFolder(Map.of("XDG_DATA_HOME", "/data/me", "HOME", "/home/me")));
        assertEquals(Path.of("/home/me/.local/share/digitloop"), InstalledApp.dataFolder(Map.of("HOME", "/home/me")));
        // The XDG rule: a relative XDG_DATA_HOME is invalid and ignored.
        assertEquals(Path.of("/home/me/.local/share/digitloop"),
                InstalledApp.dataFolder(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/me")));
    }

    @Test
    void shippedModelsAreCopiedOnceAndAPersonsFileOfTheSameNameStays(@TempDir Path dir) throws Exception {
        Path shipped = Files.createDirectories(dir.resolve("install/models"));
        Files.writeString(shipped.resolve("cnn.zip"), "shipped cnn");
        Files.writeString(shipped.resolve("cnn.json"), "shipped sidecar");
        Path mine = Files.createDirectories(dir.resolve("home/models"));
        Files.writeString(mine.resolve("cnn.json"), "my own sidecar");
        shipped.resolve("cnn.zip").toFile().setWritable(false);

        List<Path> copied = InstalledApp.copyShippedModels(shipped, mine);

        assertEquals(List.of(mine.resolve("cnn.zip")), copied);
        assertEquals("shipped cnn", Files.readString(mine.resolve("cnn.zip")));
        assertTrue(Files.isWritable(mine.resolve("cnn.zip")), "the person's copy is theirs to replace");
        assertEquals("my own sidecar", Files.readString(mine.resolve("cnn.json")));
        assertEquals(List.of(), InstalledApp.copyShippedModels(shipped, mine), "the second start copies nothing");
        try (var files = Files.list(mine)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }
}
