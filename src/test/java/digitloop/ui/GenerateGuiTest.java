package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.gan.GanFile;
import digitloop.gan.SampleGrid;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Generate tab in the real window with the shipped generator: labels by key and button, new noise, the same
 * noise for every label, truncation, export, "classify in Draw", and a short training run with its live grid and
 * loss chart, then one cancelled; screenshots light and dark.
 */
@Tag("gui")
class GenerateGuiTest {
    @TempDir
    Path temp;
    private TestApp app;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void generatesDigitsOfTheChosenLabelAndTrainsAGeneratorWithALiveGridAndLossChart() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = TestApp.workspace(temp, "cnn.zip", "cnn.json", "gan.zip", "gan.json");
        GuiDriver gui = new GuiDriver();
        app = TestApp.launch(workspace, "digitloop-generate-test", 1280, 960);
        window = app.window;
        Path models = workspace.models();
        waitFor(() -> onEdt(() -> window.workbench() != null), 120, "the engine to load");
        assertFalse(onEdt(() -> EngineLoader.modelFiles(models).contains(models.resolve("gan.zip"))), "a generator is no classifier to offer");
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(4));
        gui.robot.waitForIdle();
        GeneratePanel panel = window.generatePanel();
        DigitGridView grid = panel.grid;
        waitFor(() -> onEdt(() -> panel.hasGenerator() && grid.grid() != null), 60, "the generator's first grid");

        // Keys 0-9 pick the label (the grid is focused, not a text field).
        gui.click(grid);
        SampleGrid zeros = onEdt(grid::grid);
        gui.type(KeyEvent.VK_7);
        waitFor(() -> onEdt(() -> panel.label() == 7 && grid.grid() != zeros), 20, "the grid of 7s after key 7");
        assertTrue(onEdt(() -> panel.labels[7].isSelected()), "its button shows it");
        SampleGrid sevens = onEdt(grid::grid);
        assertEquals(GeneratePanel.COUNT, sevens.rows() * sevens.columns());

        // The same noise for every label: going 7 -> 3 -> 7 redraws the very same sevens.
        gui.click(panel.labels[3]);
        waitFor(() -> onEdt(() -> panel.label() == 3 && grid.grid() != sevens), 20, "the grid of 3s");
        gui.click(panel.labels[7]);
        waitFor(() -> onEdt(() -> panel.label() == 7 && grid.grid() != sevens && grid.grid().rows() > 0), 20, "the 7s again");
        waitFor(() -> onEdt(() -> Arrays.equals(grid.grid().pixels(), sevens.pixels())), 20, "the same sevens from the same noise");

        // New noise: another seed, other sevens.
        int seedBefore = onEdt(() -> (Integer) panel.seed.getValue());
        gui.click(panel.newNoise);
        waitFor(() -> onEdt(() -> !Arrays.equals(grid.grid().pixels(), sevens.pixels())), 20, "other sevens after new noise");
        assertNotEquals(seedBefore, (int) onEdt(() -> (Integer) panel.seed.getValue()));

        // Truncation 0: the noise is scaled away, so all 64 digits are one.
        SwingUtilities.invokeAndWait(() -> panel.truncation.setValue(0));
        waitFor(() -> onEdt(() -> allCellsAlike(grid.grid())), 20, "one digit repeated at truncation 0");
        assertEquals("×0.00", onEdt(panel.truncationValue::getText));
        SwingUtilities.invokeAndWait(() -> panel.truncation.setValue(100));
        waitFor(() -> onEdt(() -> !allCellsAlike(grid.grid())), 20, "varied digits at truncation 1");

        // Export PNG: the grid at 4 px per pixel.
        Path png = temp.resolve("sevens.png");
        SampleGrid shown = onEdt(grid::grid);
        SwingUtilities.invokeAndWait(() -> panel.exportPng(png, shown));
        waitFor(() -> Files.isRegularFile(png), 180, "the exported PNG (the WORK lane may still evaluate the test set)");
        BufferedImage exported = ImageIO.read(png.toFile());
        assertEquals(8 * 28 * 4, exported.getWidth());

        // Classify in Draw: the picked digit goes to the canvas of the Draw tab, which reads it.
        gui.click(panel.classify);
        waitFor(() -> onEdt(() -> window.tabs().getSelectedIndex() == 2), 10, "the Draw tab");
        JLabel answer = find(window, "drawAnswer", JLabel.class);
        waitFor(() -> onEdt(() -> !answer.getText().equals("–")), 30, "the Draw tab's reading of the generated digit");
        System.out.println("Draw read the generated 7 as: " + onEdt(answer::getText));
        assertFalse(onEdt(() -> window.drawPanel().canvas().isEmpty()), "the digit is on the canvas");

        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(4));
        // Training from the tab, small: the live grid and a point per epoch and loss.
        GanTrainingBox training = panel.training;
        SwingUtilities.invokeAndWait(() -> {
            training.epochs.setValue(2);
            training.images.setValue(1000);
        });
        gui.click(training.train);
        waitFor(() -> onEdt(() -> !training.isTraining()), 300, "two small epochs");
        String state = onEdt(training.state::getText);
        assertTrue(state.startsWith("trained 2 epochs"), state);
        var losses = (org.jfree.data.xy.XYSeriesCollection) onEdt(() -> training.chart.getXYPlot().getDataset());
        assertEquals(2, losses.getSeries(0).getItemCount(), "a generator loss per epoch");
        assertEquals(2, losses.getSeries(1).getItemCount(), "a discriminator loss per epoch");
        assertTrue(onEdt(() -> training.samples.grid() != null), "the live sample grid");
        assertTrue(GanFile.isGenerator(models.resolve("gan-trained.zip")), "saved under a free name");
        waitFor(() -> onEdt(() -> panel.about.getText().startsWith("gan-trained.zip")), 20, "the new generator in use");
        // The screenshots show the shipped generator's digits above the small run's grid and chart.
        GanFile.Loaded shipped = GanFile.load(models.resolve("gan.zip"));
        SwingUtilities.invokeAndWait(() -> panel.setGenerator(shipped));
        waitFor(() -> onEdt(() -> panel.about.getText().startsWith("gan.zip")), 20, "the shipped generator again");
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(4));
        waitFor(() -> onEdt(() -> !window.status().busy()), 60, "the tasks to finish before the screenshots");
        gui.robot.waitForIdle();
        for (boolean dark : new boolean[] {false, true}) {
            SwingUtilities.invokeAndWait(() -> window.setDark(dark));
            gui.robot.waitForIdle();
            GuiDriver.screenshot(window, DesktopAppGuiTest.SCREENSHOTS.resolve("generate-" + (dark ? "dark" : "light") + ".png"));
        }
        SwingUtilities.invokeAndWait(() -> window.setDark(false));

        // Cancel: the run stops and writes nothing.
        SwingUtilities.invokeAndWait(() -> training.epochs.setValue(50));
        gui.click(training.train);
        waitFor(() -> onEdt(() -> training.isTraining() && training.cancel.isEnabled()), 20, "the run");
        gui.click(training.cancel);
        waitFor(() -> onEdt(() -> !training.isTraining()), 60, "the cancelled run to end");
        assertTrue(onEdt(training.state::getText).startsWith("Cancelled"), onEdt(training.state::getText));
        try (Stream<Path> files = Files.list(models)) {
            assertEquals(java.util.List.of("cnn.json", "cnn.zip", "gan-trained.json", "gan-trained.zip", "gan.json", "gan.zip"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no file of the cancelled run");
        }
    }

    private static boolean allCellsAlike(SampleGrid g) {
        float[] first = cell(g, 0);
        for (int i = 1; i < g.rows() * g.columns(); i++) {
            float[] other = cell(g, i);
            for (int p = 0; p < first.length; p++) if (Math.abs(first[p] - other[p]) > 1e-4) return false;
        }
        return true;
    }

    private static float[] cell(SampleGrid g, int i) {
        float[] digit = new float[784];
        int top = (i / g.columns()) * 28;
        int left = (i % g.columns()) * 28;
        for (int y = 0; y < 28; y++) System.arraycopy(g.pixels(), (top + y) * g.width() + left, digit, y * 28, 28);
        return digit;
    }
}
