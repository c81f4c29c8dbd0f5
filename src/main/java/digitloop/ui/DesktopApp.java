package digitloop.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import digitloop.train.TrainingRequest;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Start-up in the FlatLaf demo's order: preferences, look and feel, frame, visible; and only then
 * the engine (data, journal, model), on a worker, while the window already shows its progress.
 */
public final class DesktopApp {
    /**
     * Set to make the app print when its window and its engine were ready, then, after {@link #PROBE_IDLE_MS}
     * of idling (the Results tab's first evaluation runs in it), its resident size, and exit (bench).
     */
    static final String STARTUP_PROBE = "digitloop.startupProbe";
    private static final int PROBE_IDLE_MS = 20_000;

    private DesktopApp() {
    }

    /** The entry point {@code DigitLoopApp} calls with no arguments. */
    public static void launch() {
        launch(TrainingRequest.DEFAULT, null);
    }

    /**
     * As {@link #launch()}, with the Train tab starting from {@code trainDefaults} (the configuration files'
     * values); {@code configProblem}, when not null, is the line saying which file and key could not be used.
     */
    public static void launch(TrainingRequest trainDefaults, String configProblem) {
        MainWindow frame = launch(AppPrefs.user(), TaskRunner.background(), Workspace.current().withTrainDefaults(trainDefaults), true);
        if (configProblem != null) {
            SwingUtilities.invokeLater(() -> Dialogs.info(frame, "Configuration file",
                    Dialogs.escape(configProblem) + "<br><br>The Train tab starts from the built-in defaults."));
        }
    }

    /**
     * Opens the window and starts loading the engine; returns the frame once it is visible, before
     * the engine is ready. {@code exitOnClose}: closing the window ends the process (the app, not tests).
     */
    public static MainWindow launch(AppPrefs prefs, TaskRunner tasks, Workspace workspace, boolean exitOnClose) {
        AtomicReference<MainWindow> window = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                installLookAndFeel(prefs.dark());
                MainWindow frame = new MainWindow(prefs, tasks, workspace, exitOnClose);
                frame.setVisible(true);
                probe("window");
                window.set(frame);
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not open the window", e);
        }
        MainWindow frame = window.get();
        SwingUtilities.invokeLater(() -> frame.startEngine(() -> {
            probe("engine");
            if (Boolean.getBoolean(STARTUP_PROBE)) {
                javax.swing.Timer idle = new javax.swing.Timer(PROBE_IDLE_MS, e -> {
                    digitloop.files.ResidentMemory m = digitloop.files.ResidentMemory.now();
                    System.out.println("STARTUP resident " + m.currentMiB() + " " + m.peakMiB());
                    System.out.flush();
                    System.exit(frame.workbench() == null ? 1 : 0);
                });
                idle.setRepeats(false);
                idle.start();
            }
        }));
        return frame;
    }

    static void installLookAndFeel(boolean dark) {
        if (dark) FlatDarkLaf.setup(); else FlatLightLaf.setup();
        UIManager.put("TabbedPane.showTabSeparators", true);
        UIManager.put("ScrollBar.showButtons", false);
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
    }

    private static void probe(String what) {
        if (!Boolean.getBoolean(STARTUP_PROBE)) return;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("STARTUP " + what + " " + sinceStart);
        System.out.flush();
    }
}
