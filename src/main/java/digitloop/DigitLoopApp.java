package digitloop;

import digitloop.cli.AppTrainDefaults;
import digitloop.cli.CommonOptions;
import digitloop.cli.RootCommand;
import digitloop.cli.StartupOptions;
import digitloop.model.NativeBackend;
import digitloop.files.InstalledApp;
import digitloop.files.RunLog;
import digitloop.train.TrainingRequest;

/**
 * The one entry point. With no command it opens the desktop app (with {@code --config FILE} its Train
 * tab starts from that file); with a command it runs headless. The home (for the installed app), the
 * configuration files and logging are set up first, before anything makes a logger or loads ND4J.
 */
public final class DigitLoopApp {
    /** slf4j-simple's property for its level. */
    static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private DigitLoopApp() {
    }

    public static void main(String[] args) {
        // The installed app's home is the person's data folder; it must be settled before the log or any
        // path under the home is made.
        InstalledApp.settle();
        StartupOptions start = StartupOptions.parse(args);
        configureLogging(start);
        NativeBackend.configure();
        if (start.opensApp() && start.problem() == null && !java.awt.GraphicsEnvironment.isHeadless()) {
            launchGui(AppTrainDefaults.from(start.files()));
            return;
        }
        System.exit(RootCommand.run(start, args));
    }

    private static void launchGui(AppTrainDefaults trainDefaults) {
        try {
            Class.forName("digitloop.ui.DesktopApp").getMethod("launch", TrainingRequest.class, String.class)
                    .invoke(null, trainDefaults.request(), trainDefaults.problem());
        } catch (ClassNotFoundException e) {
            System.exit(RootCommand.run(new String[] {"--help"}));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not start the desktop app", e);
        }
    }

    /**
     * slf4j-simple reads these once, when the first logger is made. The level and file are settings
     * ({@code --log-level}, {@code --log-file}, or {@code log-level}/{@code log-file} in a configuration file);
     * a {@code -D} for slf4j-simple stands when the setting is left at its default. Without a file this
     * run gets its own (see RunLog).
     */
    static void configureLogging(StartupOptions start) {
        if (start.logFile() != null && !start.logFile().isBlank()) {
            String file = start.logFile().strip();
            if (file.equals("System.err") || file.equals("System.out")) {
                System.setProperty(RunLog.SLF4J_FILE, file);
            } else {
                java.nio.file.Path path = java.nio.file.Path.of(file).toAbsolutePath();
                try {
                    java.nio.file.Files.createDirectories(path.getParent());
                } catch (java.io.IOException | RuntimeException e) {
                    // slf4j-simple then says it cannot open the file and writes to the standard error stream.
                }
                System.setProperty(RunLog.SLF4J_FILE, path.toString());
            }
        }
        if (System.getProperty(SLF4J_LEVEL) == null || start.logLevel() != CommonOptions.LogLevel.info) {
            System.setProperty(SLF4J_LEVEL, start.logLevel().name());
        }
        RunLog.start();
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }
}
