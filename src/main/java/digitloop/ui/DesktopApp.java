package digitloop.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Start-up in the FlatLaf demo's order: preferences, look and feel, frame, visible; and only then
 * the engine, on a worker, while the window already shows its progress.
 */
public final class DesktopApp {
    /** Set to make the app print when its window and its engine were ready, then exit (bench). */
    static final String STARTUP_PROBE = "digitloop.startupProbe";

    private DesktopApp() {
    }

    public static void launch() {
        launch(AppPrefs.user(), TaskRunner.background());
    }

    /** Opens the window and starts loading; returns the frame (for tests) once it is visible. */
    public static MainWindow launch(AppPrefs prefs, TaskRunner tasks) {
        AtomicReference<MainWindow> window = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                if (prefs.dark()) FlatDarkLaf.setup(); else FlatLightLaf.setup();
                UIManager.put("TabbedPane.showTabSeparators", true);
                MainWindow frame = new MainWindow(prefs, tasks);
                frame.setVisible(true);
                probe("window");
                window.set(frame);
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not open the window", e);
        }
        MainWindow frame = window.get();
        tasks.run("Loading data and model", ctx -> EngineLoader.load(ctx, Path.of(prefs.lastModel())), bench -> {
            frame.engineReady(bench);
            probe("engine");
            if (Boolean.getBoolean(STARTUP_PROBE)) System.exit(0);
        }, e -> {
            frame.engineFailed(e);
            if (Boolean.getBoolean(STARTUP_PROBE)) System.exit(1);
        });
        return frame;
    }

    private static void probe(String what) {
        if (!Boolean.getBoolean(STARTUP_PROBE)) return;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("STARTUP " + what + " " + sinceStart);
        System.out.flush();
    }
}
