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
import java.nio.file.Path;
import java.util.List;
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
    private TestApp app;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aHeadTransferOfTheCurrentModelTrainsOnTheFormsNoisyInputAndKeepsItsLayers() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = TestApp.workspace(temp, "cnn.zip", "cnn.json");
        GuiDriver gui = new GuiDriver();
        app = TestApp.launch(workspace, "digitloop-train-transfer-test", 1280, 860);
        window = app.window;
        Path models = workspace.models();
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
