package digitloop.ui;

import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.TestData;
import digitloop.canvas.LabelledFolders;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Results tab on a labelled folder instead of the test set: the same heat map and gallery, and back. */
class ResultsFolderGuiTest {

    @Test
    void aLabelledFolderReplacesTheTestSetInTheMatrixAndTheGallery(@TempDir Path dir) throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Path folder = dir.resolve("my digits");
        List<LabelledFolders.Written> written = LabelledFolders.subfolders(folder, TestData.test(), 300, 31, 4, 9);
        LoadedModel model = ModelFile.load(Path.of("models", "cnn.zip"));
        Workbench bench = new Workbench(Workspace.current(), TestData.store(), TestData.train(), TestData.test(), null, model);
        JFrame frame = onEdt(() -> {
            JFrame f = new JFrame("DigitLoop");
            f.setContentPane(new ResultsPanel(bench, TaskRunner.background()));
            f.setBounds(0, 0, 1280, 860);
            f.setVisible(true);
            return f;
        });
        try {
            ResultsPanel results = (ResultsPanel) frame.getContentPane();
            waitFor(() -> onEdt(results::evaluated), 240, "the test set's evaluation");
            ConfusionMatrixView matrix = GuiDriver.find(frame, "confusionMatrix", ConfusionMatrixView.class);
            assertEquals(10_000, sum(onEdt(matrix::matrix)));

            SwingUtilities.invokeAndWait(() -> results.showFolder(folder));
            waitFor(() -> onEdt(() -> results.folder() != null), 240, "the folder's evaluation");

            int[][] counts = onEdt(matrix::matrix);
            assertEquals(300, sum(counts), "the matrix counts the folder's digit images");
            int[] sevens = new int[1];
            written.stream().filter(w -> w.label() == 7).forEach(w -> sevens[0]++);
            assertEquals(sevens[0], java.util.Arrays.stream(counts[7]).sum(), "row 7 holds the folder's 7s");
            String summary = onEdt(results::summaryText);
            assertTrue(summary.contains("my digits") && summary.contains("not sure: answered")
                    && summary.contains("of 20 not-a-digit images"), summary);
            clickCell(matrix, 7, 7);
            waitFor(() -> onEdt(() -> results.galleryCount() == counts[7][7]), 10, "the gallery of the folder's 7s read as 7");
            assertEquals(List.of(ResultsPanel.RIGHT), onEdt(results::galleryFrames));
            GuiDriver.screenshot(frame, Path.of("docs", "screenshots", "results-folder-light.png"));

            SwingUtilities.invokeAndWait(results::showTestSet);
            waitFor(() -> onEdt(() -> sum(matrix.matrix()) == 10_000), 60, "the test set again");
            assertNull(onEdt(results::folder));
            assertNotNull(onEdt(results::summaryText));
        } finally {
            SwingUtilities.invokeAndWait(frame::dispose);
        }
    }

    private static void clickCell(ConfusionMatrixView matrix, int actual, int predicted) throws Exception {
        Point cell = onEdt(() -> {
            Point p = matrix.cellCentre(actual, predicted);
            Point s = matrix.getLocationOnScreen();
            return new Point(s.x + p.x, s.y + p.y);
        });
        new GuiDriver().clickAt(cell.x, cell.y);
    }

    private static int sum(int[][] m) {
        int s = 0;
        for (int[] row : m) for (int v : row) s += v;
        return s;
    }
}
