package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.TestData;
import digitloop.cli.handwriting.PersonalHand;
import digitloop.hitl.LabelJournal;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draw ▸ "Adapt to my handwriting" in the real window: twenty drawings of one writer in the journal, the
 * button, the before/after the person decides on, and the adapted model saved and made current.
 */
@Tag("gui")
class AdaptGuiTest {
    @TempDir
    Path temp;
    private TestApp app;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void adaptingShowsBeforeAndAfterAndTheChosenModelIsSavedAndCurrent() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = TestApp.workspace(temp, "cnn.zip", "cnn.json");
        try (LabelJournal j = LabelJournal.open(workspace.journal(), TestData.store().fingerprint())) {
            for (PersonalHand.Drawing d : PersonalHand.of(2).drawings(2, 2001)) j.teachDrawing(d.pixels28(), d.label(), d.label(), 0.9f);
        }
        GuiDriver gui = new GuiDriver();
        app = TestApp.launch(workspace, "digitloop-adapt-test", 1280, 860);
        window = app.window;
        Path models = workspace.models();
        waitFor(() -> onEdt(() -> window.workbench() != null && window.workbench().model() != null), 120, "the engine to load");
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(2));
        gui.robot.waitForIdle();

        // One more drawing taught through the button: the journal's count is said, and the reading keeps its bars and preview
        // (a long line there once made the grid fall back to minimum sizes and hid both).
        float[] seven = PersonalHand.of(2).drawings(1, 99).get(7).pixels28();
        SwingUtilities.invokeAndWait(() -> window.drawPanel().showDigit(seven));
        waitFor(() -> onEdt(() -> find(window, "teachButton", JButton.class).isEnabled()), 30, "the drawing to be read");
        gui.click(find(window, "teachButton", JButton.class));
        waitFor(() -> dialog("Teach the model") != null, 10, "the question which digit it is");
        Window which = dialog("Teach the model");
        JButton digit7 = onEdt(() -> GuiDriver.allComponents((Container) which).stream()
                .filter(c -> c instanceof JButton b && "7".equals(b.getText())).map(c -> (JButton) c).findFirst().orElseThrow());
        gui.clickUntil(digit7, () -> dialog("Teach the model") == null, 30, "the question closes");
        waitFor(() -> onEdt(() -> find(window, "drawDetail", JLabel.class).getText().contains("21 drawings taught")), 30, "the drawing saved");
        assertTrue(onEdt(() -> find(window, "drawBars", ProbabilityBars.class).getWidth() > 200
                && find(window, "drawPreview", DigitImage.class).getWidth() > 100), "the bars and the preview keep their room");

        gui.click(find(window, "adaptButton", JButton.class));
        // A hang guard, not a time: the fine-tune and three measurements take seconds on a quiet machine.
        waitFor(() -> dialog("Adapted to your handwriting") != null, 600, "the before/after of the adaptation");
        Window asked = dialog("Adapted to your handwriting");
        String text = onEdt(() -> GuiDriver.allComponents((Container) asked).stream()
                .filter(c -> c instanceof JLabel l && l.getText() != null).map(c -> ((JLabel) c).getText()).reduce("", String::concat));
        assertTrue(text.contains("Your held-back drawings") && text.contains("MNIST test set") && text.contains("4 held back"), text);
        GuiDriver.screenshot(asked, DesktopAppGuiTest.SCREENSHOTS.resolve("draw-adapt-light.png"));
        JButton use = onEdt(() -> GuiDriver.allComponents((Container) asked).stream()
                .filter(c -> c instanceof JButton b && "Use the adapted model".equals(b.getText())).map(c -> (JButton) c).findFirst().orElseThrow());
        gui.clickUntil(use, () -> dialog("Adapted to your handwriting") == null, 30, "the dialog closes");
        waitFor(() -> onEdt(() -> window.workbench().model().file() != null
                && window.workbench().model().metadata().name().endsWith("+my-handwriting")), 60, "the adapted model to become current");
        Path saved = onEdt(() -> window.workbench().model().file());
        assertTrue(Files.isRegularFile(saved) && saved.startsWith(models), "saved beside the other models: " + saved);
        assertTrue(Files.isRegularFile(models.resolve("cnn.zip")), "the model it started from stays");
    }

    private static Window dialog(String title) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && title.equals(d.getTitle()) && d.isShowing()) return w;
            }
            return null;
        });
    }
}
