package digitloop.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One log file per run: {@code logs/digitloop-<yyyyMMdd-HHmmss>-<pid>.log} under the app's home, so a
 * command started while the app runs never empties the app's log, and two runs never interleave. The
 * newest {@link #KEEP} are kept. slf4j-simple reads its file name once, when the first logger is made,
 * so {@link #start()} must run before that; a file set beforehand (the tests set one under
 * {@code target/}) is left as it is.
 */
public final class RunLog {
    /** slf4j-simple's property for its output: a file name, or {@code System.err}. */
    public static final String SLF4J_FILE = "org.slf4j.simpleLogger.logFile";
    /** Folder for the run logs instead of {@code logs/} under the app's home. */
    public static final String FOLDER_PROPERTY = "digitloop.logs";
    public static final int KEEP = 20;
    static final String PREFIX = "digitloop-";
    static final String SUFFIX = ".log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunLog() {
    }

    /** Picks this run's log file and removes the oldest beyond {@link #KEEP}; returns where the log goes. */
    public static String start() {
        if (System.getProperty(SLF4J_FILE) == null) {
            try {
                Path folder = folder();
                Files.createDirectories(folder);
                prune(folder, KEEP - 1);
                Path file = folder.resolve(PREFIX + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + SUFFIX);
                System.setProperty(SLF4J_FILE, file.toString());
            } catch (IOException | RuntimeException e) {
                System.setProperty(SLF4J_FILE, "System.err");
            }
        }
        return describe();
    }

    /** Where this run's details are, for a sentence such as "Details are in …". */
    public static String describe() {
        String file = System.getProperty(SLF4J_FILE);
        if (file == null || file.equals("System.err")) return "the standard error stream";
        if (file.equals("System.out")) return "the standard output stream";
        return Path.of(file).toAbsolutePath().toString();
    }

    static Path folder() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        return folder == null || folder.isBlank() ? AppHome.resolve("logs") : Path.of(folder).toAbsolutePath();
    }

    /** Deletes run logs in {@code folder} beyond the newest {@code keep}; the names sort by start time. */
    static void prune(Path folder, int keep) throws IOException {
        List<Path> logs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path p : files) logs.add(p);
        }
        logs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : logs.subList(Math.min(Math.max(keep, 0), logs.size()), logs.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // Another run may hold it open (Windows) or have pruned it already; the next start tries again.
            }
        }
    }
}
