package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import digitloop.canvas.NumberReading;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Draw tab's "Several digits" mode in the real window: strokes of a number written with the
 * Robot's mouse on the row page, a box per digit on the canvas, the number read, cleared, and the
 * switch back to one digit.
 */
@Tag("gui")
class SeveralDigitsGuiTest {
    @TempDir
    Path temp;
    private TestApp app;
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aNumberWrittenInARowGetsABoxPerDigitAndIsReadOut() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        Workspace workspace = TestApp.workspace(temp, "cnn.zip", "cnn.json");
        GuiDriver gui = new GuiDriver();
        app = TestApp.launch(workspace, "digitloop-several-digits-test", 1280, 860);
        window = app.window;
        waitFor(() -> onEdt(() -> window.workbench() != null), 120, "the engine to load");
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(2));
        gui.robot.waitForIdle();

        DrawPanel draw = window.drawPanel();
        DrawingCanvas canvas = find(window, "canvas", DrawingCanvas.class);
        JCheckBox several = find(window, "severalDigits", JCheckBox.class);
        assertEquals(KeyEvent.VK_S, (int) onEdt(several::getMnemonic), "Alt+S switches the mode");
        gui.click(several);
        waitFor(() -> onEdt(() -> draw.severalDigits() && canvas.pageWidth() == DrawingCanvas.ROW_WIDTH
                && canvas.getWidth() >= DrawingCanvas.ROW_WIDTH), 10, "the row page");
        assertFalse(onEdt(() -> find(window, "drawBars", ProbabilityBars.class).isShowing()), "the single digit's reading is put away");

        // 1 0 7 4, each about 160 px tall like a digit alone, 150 px apart.
        Pen pen = new Pen(gui, canvas);
        pen.line(100, 60, 100, 220);
        pen.ellipse(250, 140, 50, 80);
        pen.path(350, 65, 460, 65, 390, 220);
        pen.path(580, 60, 530, 170, 630, 170);
        pen.line(600, 90, 600, 225);
        waitFor(() -> onEdt(() -> settled(draw) && draw.numberShown() != null && draw.numberShown().digits().size() == 4), 60,
                "a reading of the four digits");

        NumberReading r = onEdt(draw::numberShown);
        String number = r.number();
        assertEquals(4, r.digits().size(), "boxes: " + r.digits());
        assertEquals(4, number.length(), number);
        assertEquals('1', number.charAt(0), "the upright stroke is a 1: " + r.digits());
        assertEquals('0', number.charAt(1), "the ellipse is a 0: " + r.digits());
        for (int i = 1; i < 4; i++) {
            assertTrue(r.digits().get(i).box().x() > r.digits().get(i - 1).box().x(), "boxes in reading order: " + r.digits());
        }
        NumberView view = draw.numberView();
        assertEquals(number, onEdt(view::numberText), "the number in large type");
        String timing = onEdt(() -> find(window, "drawNumberTiming", JLabel.class).getText());
        assertTrue(timing.contains(" ms"), timing);
        String perDigit = onEdt(() -> find(window, "drawNumberDigits", JLabel.class).getText());
        assertEquals(4, perDigit.split(" ms").length - 1, "a time per digit: " + perDigit);
        System.out.printf("several digits: read %s in %.1f ms (%s)%n", number, r.ms(), r.digits());
        waitFor(() -> onEdt(() -> !window.status().busy()), 240, "the tasks to finish before the screenshot");
        gui.robot.waitForIdle();
        for (boolean dark : new boolean[] {false, true}) {
            SwingUtilities.invokeAndWait(() -> window.setDark(dark));
            gui.robot.waitForIdle();
            GuiDriver.screenshot(window, DesktopAppGuiTest.SCREENSHOTS.resolve("draw-several-" + (dark ? "dark" : "light") + ".png"));
        }
        SwingUtilities.invokeAndWait(() -> window.setDark(false));

        // Switching to one digit re-reads what is left on the single page: the row's first ink.
        gui.click(several);
        waitFor(() -> onEdt(() -> !draw.severalDigits() && canvas.pageWidth() == DrawingCanvas.SIDE && settled(draw)
                && !find(window, "drawAnswer", JLabel.class).getText().equals("–")), 30, "a single-digit reading");
        assertNull(onEdt(draw::numberShown), "no boxes in single-digit mode");
        gui.click(several);
        waitFor(() -> onEdt(() -> settled(draw) && draw.numberShown() != null && !draw.numberShown().isBlank()), 30,
                "the number mode to read the page again");

        gui.type(KeyEvent.VK_ESCAPE);
        waitFor(() -> onEdt(() -> settled(draw) && draw.numberShown() == null && view.numberText().equals(NumberView.BLANK)), 10,
                "the cleared page to show no boxes and no number");
    }

    private static boolean settled(DrawPanel draw) {
        return draw.readingsShown() > 0 && draw.pendingReadings() == 0;
    }

    /** Strokes in the row page's pixels, drawn with the real mouse at wherever the page lies on screen. */
    private record Pen(GuiDriver gui, DrawingCanvas canvas) {
        void line(int x0, int y0, int x1, int y1) throws Exception {
            path(x0, y0, x1, y1);
        }

        void ellipse(int cx, int cy, int rx, int ry) throws Exception {
            int[] xy = new int[2 * 37];
            for (int i = 0; i <= 36; i++) {
                double a = 2 * Math.PI * i / 36 - Math.PI / 2;
                xy[2 * i] = (int) Math.round(cx + rx * Math.cos(a));
                xy[2 * i + 1] = (int) Math.round(cy + ry * Math.sin(a));
            }
            path(xy);
        }

        /** One stroke through the points (x, y, x, y, …), with the button held. */
        void path(int... xy) throws Exception {
            Point origin = onEdt(canvas::getLocationOnScreen);
            DrawingCanvas.PageView view = onEdt(canvas::view);
            Point first = view.toComponent(xy[0], xy[1]);
            gui.robot.mouseMove(origin.x + first.x, origin.y + first.y);
            gui.robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            for (int k = 2; k < xy.length; k += 2) {
                Point from = view.toComponent(xy[k - 2], xy[k - 1]);
                Point to = view.toComponent(xy[k], xy[k + 1]);
                for (int i = 1; i <= 8; i++) {
                    gui.robot.mouseMove(origin.x + from.x + (to.x - from.x) * i / 8, origin.y + from.y + (to.y - from.y) * i / 8);
                }
            }
            gui.robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            gui.robot.waitForIdle();
        }
    }
}
