package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train ▸ Start from: the default CNN transferred to noisy input by a new head, in the real window. */
@Tag("gui")
class TrainTransferGuiTest {
    @TempDir
    Path temp;
    private MainWindow window;
    private Preferences node;

    @AfterEach
    void close() throws Exception {
        if (window != null) SwingUtilities.invokeAndWait(window::dispose);
        if (node != null) node.removeNode();
    }

    @Test
    void aHeadTransferOfTheCurrentModelTrainsOnTheFormsNoisyInputAndKeepsItsLayers() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = Workspace.current().withJournal(temp.resolve("journal.tsv"));
        Path models = Files.createDirectories(temp.resolve("models"));
        for (String f : new String[] {"cnn.zip", "cnn.json"}) Files.copy(workspace.models().resolve(f), models.resolve(f));
        workspace = new Workspace(workspace.data(), models, workspace.journal(), Files.createDirectories(temp.resolve("charts")), null);
        node = Preferences.userRoot().node("digitloop-train-transfer-test");
        node.clear();
        new AppPrefs(node).setWindowBounds(0, 0, 1280, 860);
        GuiDriver gui = new GuiDriver();
        window = DesktopApp.launch(new AppPrefs(node), TaskRunner.background(), workspace, false);
        waitFor(() -> onEdt(() -> window.workbench() != null && window.workbench().model() != null && window.trainPanel() != null),
                120, "the engine to load");
        TrainPanel panel = window.trainPanel();
        SwingUtilities.invokeAndWait(() -> {
            window.tabs().setSelectedIndex(0);
            TrainSettingsForm f = panel.form();
            f.input.setSelectedItem("Gaussian noise");
            f.sigma.setValue(0.3);
            f.epochs.setValue(1);
            f.limit.setValue(3000);
            panel.startFrom.setSelectedItem(TrainPanel.StartFrom.HEAD);
        });
        gui.click(find(window, "trainStart", JButton.class));
        // A hang guard, not a time: one epoch on 2,700 images.
        waitFor(() -> onEdt(() -> !panel.isTraining() && !panel.unsavedRuns().isEmpty()), 600, "the transfer run");
        List<TrainingRun> runs = onEdt(panel::unsavedRuns);
        assertTrue(runs.get(0).hasModel(), "the run ended with a model");
        LoadedModel m = runs.get(0).outcome.model();
        assertEquals(0.3, m.metadata().degradation().noiseSigma(), 1e-9, "the form's input, not the source's");
        assertEquals(ModelFile.readMetadata(models.resolve("cnn.zip")).architecture(), m.metadata().architecture(), "the source's layers");
        assertTrue(runs.get(0).outcome.test().accuracy() > 0.9, "a new head on the clean model's features: " + runs.get(0).outcome.test().accuracy());
        assertTrue(runs.get(0).description.contains("from cnn (head)"), runs.get(0).description);
    }
}
