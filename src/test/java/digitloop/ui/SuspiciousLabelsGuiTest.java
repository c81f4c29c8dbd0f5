package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.hitl.LabelEvent;
import digitloop.hitl.LabelIssue;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review ▸ Suspicious labels in the real window: rank the test set's labels with the default model,
 * keep one, correct one, mark one unclear and undo that, by keyboard; the journal holds the two
 * decisions left. (The training set's ranking trains k fold models, minutes: ConfidentLearningTest
 * covers it on a slice.)
 */
@Tag("gui")
class SuspiciousLabelsGuiTest {
    @TempDir
    Path temp;
    private TestApp app;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void doubtedTestLabelsAreKeptCorrectedOrMarkedUnclearByKeyboardAndLandInTheJournal() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = TestApp.workspace(temp, "cnn.zip", "cnn.json");
        GuiDriver gui = new GuiDriver();
        app = TestApp.launch(workspace, "digitloop-suspicious-labels-test", 1280, 860);
        window = app.window;
        waitFor(() -> onEdt(() -> window.workbench() != null && window.suspiciousPanel() != null), 120, "the engine to load");
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(1));
        JTabbedPane sub = find(window, "reviewTabs", JTabbedPane.class);
        SwingUtilities.invokeAndWait(() -> sub.setSelectedIndex(1));
        gui.robot.waitForIdle();

        SuspiciousLabelsPanel panel = window.suspiciousPanel();
        @SuppressWarnings("unchecked")
        JComboBox<SuspiciousLabelsPanel.Split> split = find(window, "suspiciousSplit", JComboBox.class);
        SwingUtilities.invokeAndWait(() -> split.setSelectedItem(SuspiciousLabelsPanel.Split.TEST));
        gui.click(find(window, "suspiciousFind", JButton.class));
        waitFor(() -> onEdt(() -> panel.outcome() != null && !panel.busy()), 240, "the test set's ranking");
        List<LabelIssue> queue = onEdt(panel::queue);
        assertTrue(queue.size() >= 3, "doubted test labels: " + queue.size());
        assertEquals(10_000, onEdt(() -> panel.outcome().ranked().size()));
        for (LabelIssue issue : queue) assertTrue(issue.id() >= 60_000, "test ids follow the 60,000 training ids");

        LabelIssue first = queue.get(0);
        LabelIssue second = queue.get(1);
        LabelIssue third = queue.get(2);
        onEdt(() -> find(window, "suspiciousImage", DigitImage.class).requestFocusInWindow());
        gui.type(KeyEvent.VK_K);                              // keep the given label
        int corrected = (second.given() + 1) % 10;
        gui.type(KeyEvent.VK_0 + corrected);                  // correct to another digit
        gui.type(KeyEvent.VK_U);                              // not a clear digit
        waitFor(() -> onEdt(() -> panel.position() == 3 && !panel.busy()), 30, "three decisions on disk");
        gui.type(KeyEvent.VK_BACK_SPACE);                     // undo the last
        waitFor(() -> onEdt(() -> panel.position() == 2 && !panel.busy()), 30, "the undo to step back to the third image");

        Map<Integer, LabelEvent> reviews = onEdt(() -> window.workbench().journal().reviews());
        assertEquals(List.of(first.id(), second.id()), List.copyOf(reviews.keySet()), "the unclear mark was undone");
        assertEquals(first.given(), reviews.get(first.id()).label(), "kept");
        assertEquals(corrected, reviews.get(second.id()).label(), "corrected");
        assertEquals(second.given(), reviews.get(second.id()).given());
        assertEquals(third.id(), onEdt(() -> panel.queue().get(panel.position()).id()));
        String counters = onEdt(() -> find(window, "suspiciousCounters", javax.swing.JLabel.class).getText());
        assertTrue(counters.startsWith("reviewed 2 · kept 1 · corrected 1 · not a clear digit 0"), counters);
        String journal = Files.readString(workspace.journal());
        assertEquals(3, journal.lines().filter(l -> l.startsWith("L\t")).count(), "three review lines, then a retraction");
        assertTrue(onEdt(() -> find(window, "trainUseReviews", JCheckBox.class).isSelected()),
                "the Train tab trains on the reviewed labels by default");

        waitFor(() -> onEdt(() -> !window.status().busy()), 120, "the tasks to finish before the screenshots");
        for (boolean dark : new boolean[] {false, true}) {
            SwingUtilities.invokeAndWait(() -> window.setDark(dark));
            gui.robot.waitForIdle();
            GuiDriver.screenshot(window, DesktopAppGuiTest.SCREENSHOTS.resolve("review-suspicious-" + (dark ? "dark" : "light") + ".png"));
        }
        SwingUtilities.invokeAndWait(() -> window.setDark(false));
    }
}
