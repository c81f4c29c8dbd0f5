package digitloop.ui;

import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;

/**
 * The app in a real window on a test's own files — label journal, copies of the shipped models, chart folder,
 * preferences node — so the person's files are never touched; closing it disposes the window and the node.
 */
final class TestApp implements AutoCloseable {
    final Workspace workspace;
    final MainWindow window;
    private final Preferences node;

    private TestApp(Workspace workspace, MainWindow window, Preferences node) {
        this.workspace = workspace;
        this.window = window;
        this.node = node;
    }

    /** A workspace in {@code temp} holding copies of the shipped {@code models} (e.g. "cnn.zip", "cnn.json"). */
    static Workspace workspace(Path temp, String... models) throws Exception {
        Workspace shipped = Workspace.current();
        Path folder = Files.createDirectories(temp.resolve("models"));
        for (String f : models) Files.copy(shipped.models().resolve(f), folder.resolve(f));
        return new Workspace(shipped.data(), folder, temp.resolve("journal.tsv"), Files.createDirectories(temp.resolve("charts")), null);
    }

    /** Opens {@code workspace} in a window of {@code width}×{@code height} and waits (a hang guard) for its engine. */
    static TestApp launch(Workspace workspace, String preferences, int width, int height) throws Exception {
        Preferences node = Preferences.userRoot().node(preferences);
        node.clear();
        new AppPrefs(node).setWindowBounds(0, 0, width, height);
        MainWindow window = DesktopApp.launch(new AppPrefs(node), TaskRunner.background(), workspace, false);
        TestApp app = new TestApp(workspace, window, node);
        waitFor(() -> onEdt(() -> window.workbench() != null), 120, "the engine to load");
        return app;
    }

    @Override
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(window::dispose);
        node.removeNode();
    }
}
