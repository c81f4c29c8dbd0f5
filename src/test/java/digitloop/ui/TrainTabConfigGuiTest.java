package digitloop.ui;

import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.cli.AppTrainDefaults;
import digitloop.files.SettingsFiles;
import digitloop.train.TrainingRequest;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app opened as {@code ./digitloop --config noisy-cnn.properties} does: the file resolved through
 * {@code train}'s options (as DigitLoopApp does) and the real window's Train tab showing it. Saves
 * docs/screenshots/train-config.png.
 */
class TrainTabConfigGuiTest {
    @Test
    void theTrainTabOfTheWindowStartsFromTheConfigFile(@TempDir Path temp) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Path recipe = Files.write(temp.resolve("noisy-cnn.properties"), List.of("train.model=cnn", "train.noise=0.3",
                "train.augment=true", "train.epochs=18", "train.batch=128", "train.lr=2e-3", "train.lr-decay=0.85"));
        AppTrainDefaults defaults = AppTrainDefaults.from(SettingsFiles.load(recipe));
        assertNull(defaults.problem());
        Path models = Files.createDirectories(temp.resolve("models"));
        Workspace current = Workspace.current();
        for (String f : new String[] {"cnn.zip", "cnn.json"}) Files.copy(current.models().resolve(f), models.resolve(f));
        Workspace workspace = new Workspace(current.data(), models, temp.resolve("journal.tsv"),
                Files.createDirectories(temp.resolve("charts")), null).withTrainDefaults(defaults.request());
        Preferences node = Preferences.userRoot().node("digitloop-config-gui-test");
        node.clear();
        AppPrefs prefs = new AppPrefs(node);
        prefs.setWindowBounds(0, 0, 1280, 860);
        MainWindow window = DesktopApp.launch(prefs, TaskRunner.background(), workspace, false);
        try {
            waitFor(() -> onEdt(() -> window.workbench() != null), 180, "the engine to load");
            TrainSettingsForm form = onEdt(() -> window.trainPanel().form());

            TrainingRequest shown = onEdt(() -> form.request(""));

            assertEquals(defaults.request(), shown, "what the tab would train is what train resolves from the file");
            assertEquals(18, (int) onEdt(form.epochs::getValue));
            assertEquals(128, (int) onEdt(form.batch::getValue));
            assertEquals("Gaussian noise", onEdt(form.input::getSelectedItem));
            assertEquals(0.85, shown.config().learningRateDecay(), 1e-12, "a setting without a field is kept");
            SwingUtilities.invokeAndWait(() -> window.showTab(0));
            waitFor(() -> onEdt(() -> !window.status().busy()), 180, "the start-up tasks to finish");
            GuiDriver.screenshot(window, Path.of("docs", "screenshots", "train-config.png"));
        } finally {
            SwingUtilities.invokeAndWait(window::dispose);
            node.removeNode();
        }
    }
}
