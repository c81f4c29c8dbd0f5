package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.files.AppHome;
import digitloop.files.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run from another folder than the app's: what a person types resolves against the
 * folder they are in, the app's own files against its home. Each run is a real JVM with its own
 * working directory, as the launcher starts it.
 */
class LauncherTest {
    private static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void predictFromAnotherFolderReadsAndWritesThereAndLogsToItsOwnFile(@TempDir Path tmp) throws Exception {
        Path caller = Files.createDirectories(tmp.resolve("caller"));
        Files.createDirectories(caller.resolve("mydigits"));
        // Test image 0 is a 7.
        ImageIO.write(PredictCommandTest.enlargedDarkOnWhite(TestData.test().image(0)), "png", caller.resolve("mydigits/seven.png").toFile());
        boolean strayBefore = Files.exists(HOME.resolve("preds.csv"));

        Result r = digitloop(caller, tmp.resolve("logs"), "predict", "--model", HOME.resolve("models/cnn.zip").toString(),
                "mydigits/seven.png", "--out", "preds.csv");

        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(caller.resolve("preds.csv"));
        assertEquals(PredictCommand.HEADER, rows.get(0));
        assertTrue(rows.get(1).startsWith("mydigits/seven.png,7,"), rows.get(1));
        assertEquals(strayBefore, Files.exists(HOME.resolve("preds.csv")), "nothing was written into the app's folder");
        assertEquals(1, runLogs(tmp.resolve("logs")).size(), "one log file for this run");
    }

    @Test
    void aFailingCommandNamesTheFileTypedAndItsOwnLogFile(@TempDir Path tmp) throws Exception {
        Path caller = Files.createDirectories(tmp.resolve("caller"));

        Result r = digitloop(caller, tmp.resolve("logs"), "evaluate", "--model", "nope.zip");

        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        List<Path> logs = runLogs(tmp.resolve("logs"));
        assertEquals(1, logs.size());
        assertTrue(r.err().contains("(details in " + logs.get(0) + ")"), r.err());
        assertTrue(Files.readString(logs.get(0)).contains("command failed: evaluate --model nope.zip"));
    }

    @Test
    void theLauncherStaysInTheCallersFolderAndPassesTheAppsHome(@TempDir Path tmp) throws Exception {
        // Stand-ins for java and mvn record what the script asked for, without a build or a JVM.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path record = tmp.resolve("java-call");
        script(bin.resolve("java"), "pwd > '" + record + "'\nprintf '%s\\n' \"$@\" >> '" + record + "'\n");
        script(bin.resolve("mvn"), "exit 0\n");
        Path caller = Files.createDirectories(tmp.resolve("caller"));
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("digitloop").toString(), "predict", "my digits/x.png", "--out", "preds.csv")
                .directory(caller.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        List<String> call = Files.readAllLines(record);
        assertEquals(caller.toRealPath().toString(), call.get(0), "java runs in the caller's folder");
        assertTrue(call.contains("-D" + AppHome.PROPERTY + "=" + HOME.toRealPath()), call.toString());
        assertTrue(call.contains(HOME.toRealPath().resolve("target/digitloop.jar").toString()), call.toString());
        assertEquals(List.of("predict", "my digits/x.png", "--out", "preds.csv"), call.subList(call.size() - 4, call.size()));
    }

    private record Result(int code, String out, String err) { }

    private static Result digitloop(Path workingDir, Path logs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-D" + AppHome.PROPERTY + "=" + HOME, "-D" + RunLog.FOLDER_PROPERTY + "=" + logs,
                "-cp", System.getProperty("java.class.path"), "digitloop.DigitLoopApp"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(logs.getParent(), "out", ".txt");
        Path err = Files.createTempFile(logs.getParent(), "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the command finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<Path> runLogs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("digitloop-\\d{8}-\\d{6}-\\d+\\.log")).toList();
        }
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
