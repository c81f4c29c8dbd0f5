package digitloop;

import digitloop.cli.RootCommand;
import digitloop.model.NativeBackend;
import digitloop.files.InstalledApp;
import digitloop.files.RunLog;

/**
 * The one entry point. With no arguments it opens the desktop app; with a subcommand it runs
 * headless. The home (for the installed app), logging and the native backend are set up first, before
 * anything loads ND4J.
 */
public final class DigitLoopApp {
    private DigitLoopApp() {
    }

    public static void main(String[] args) {
        // The installed app's home is the person's data folder; it must be settled before the log or any
        // path under the home is made.
        InstalledApp.settle();
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

    /** slf4j-simple reads these once, when the first logger is made: this run's own file (see RunLog). */
    static void configureLogging() {
        RunLog.start();
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }
}
