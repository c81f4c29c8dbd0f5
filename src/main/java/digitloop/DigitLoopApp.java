package digitloop;

import digitloop.cli.RootCommand;
import digitloop.model.NativeBackend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one entry point. With no arguments it opens the desktop app; with a subcommand it runs
 * headless. Logging and the native backend are set up first, before anything loads ND4J.
 */
public final class DigitLoopApp {
    /** Log file for details (stack traces) that the user is spared on screen. */
    public static final Path LOG_FILE = Path.of("logs", "digitloop.log");

    private DigitLoopApp() {
    }

    public static void main(String[] args) {
        configureLogging();
        NativeBackend.configure();
        if (args.length == 0 && !java.awt.GraphicsEnvironment.isHeadless()) {
            launchGui();
            return;
        }
        System.exit(RootCommand.run(args));
    }

    private static void launchGui() {
        try {
            Class.forName("digitloop.ui.DesktopApp").getMethod("launch").invoke(null);
        } catch (ClassNotFoundException e) {
            System.exit(RootCommand.run(new String[] {"--help"}));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not start the desktop app", e);
        }
    }

    /** slf4j-simple reads these once, when the first logger is made. */
    static void configureLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) return;
        try {
            Files.createDirectories(LOG_FILE.getParent());
            System.setProperty("org.slf4j.simpleLogger.logFile", LOG_FILE.toString());
        } catch (Exception e) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }
}
