package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.files.AppHome;
import digitloop.files.RunLog;
import digitloop.files.SettingsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log level and file are settings: slf4j-simple reads them once, at the first logger, so this needs a
 * JVM of its own per run (the entry point, as the launcher starts it). Every run logs the native backend at
 * INFO and a failed command at ERROR.
 */
class LoggingSettingsTest {
    private static final String INFO_LINE = "INFO digitloop.model.NativeBackend";
    private static final String ERROR_LINE = "ERROR digitloop.cli.RootCommand - command failed";

    @Test
    void theUserFileSetsTheLevelAndTheFileAndTheCommandLineBeatsIt(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("config.properties");
        Path fromFile = dir.resolve("from-file.log");
        Files.write(user, List.of("log-level=warn", "log-file=" + fromFile));

        int quiet = runEntryPoint(dir, user, "evaluate", "--model", dir.resolve("nope.zip").toString());

        assertEquals(1, quiet);
        String warnLog = Files.readString(fromFile);
        assertTrue(warnLog.contains(ERROR_LINE), warnLog);
        assertFalse(warnLog.contains(INFO_LINE), "warn from the user file: no INFO lines\n" + warnLog);

        Path typed = dir.resolve("typed.log");
        int loud = runEntryPoint(dir, user, "evaluate", "--model", dir.resolve("nope.zip").toString(),
                "--log-level", "debug", "--log-file", typed.toString());

        assertEquals(1, loud);
        String debugLog = Files.readString(typed);
        assertTrue(debugLog.contains(INFO_LINE) && debugLog.contains(ERROR_LINE), debugLog);
        assertEquals(warnLog, Files.readString(fromFile), "the file named in the user file was not written the second time");
    }

    private static int runEntryPoint(Path dir, Path userFile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-D" + AppHome.PROPERTY + "=" + Path.of("").toAbsolutePath(), "-D" + RunLog.FOLDER_PROPERTY + "=" + dir.resolve("logs"),
                "-D" + SettingsFiles.USER_FILE_PROPERTY + "=" + userFile,
                "-cp", System.getProperty("java.class.path"), "digitloop.DigitLoopApp"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM exited");
        return p.exitValue();
    }
}
