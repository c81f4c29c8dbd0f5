package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Drives the real window under Xvfb with java.awt.Robot: mouse strokes on the canvas, keys in the
 * Review tab, a click on the confusion matrix, Start and Cancel in the Train tab. A watchdog fails
 * the run if the EDT is ever blocked for more than 200 ms. Screenshots go to docs/screenshots/.
 */
@Tag("gui")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAppGuiTest {
    static final double MAX_EDT_STALL_MS = 200;
    private static MainWindow window;
    private static Robot robot;
    private static EdtWatchdog watchdog;
    private static Path journalBackup;

    @BeforeAll
    static void openTheApp() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        // A fresh journal for the test; the person's own is put aside and restored.
        if (Files.exists(Workbench.JOURNAL)) {
            journalBackup = Workbench.JOURNAL.resolveSibling("journal.tsv.gui-test-backup");
            Files.move(Workbench.JOURNAL, journalBackup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Preferences node = Preferences.userRoot().node("digitloop-gui-test");
        node.clear();
        node.putInt("window.w", 1280);
        node.putInt("window.h", 860);
        node.putInt("window.x", 0);
        node.putInt("window.y", 0);
        robot = new Robot();
        robot.setAutoDelay(5);
        window = DesktopApp.launch(new AppPrefs(node), TaskRunner.background());
        waitFor(() -> onEdt(() -> window.workbench() != null), 180, "the engine to load");
        waitFor(() -> onEdt(() -> window.resultsPanel().galleryCount() >= 0 && !window.status().text().endsWith("…")), 180,
                "the first evaluation");
        watchdog = new EdtWatchdog();
    }

    @AfterAll
    static void closeTheApp() throws Exception {
        if (watchdog != null) {
            watchdog.close();
            System.out.printf("GUI flows: worst EDT stall %.1f ms%n", watchdog.worstMillis());
        }
        if (window != null) {
            window.workbench().journal().close();
            SwingUtilities.invokeAndWait(window::dispose);
        }
        if (journalBackup != null) Files.move(journalBackup, Workbench.JOURNAL, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void drawingAStrokeShowsProbabilitiesAndThePreviewAndClearingRemovesTheAnswer() throws Exception {
        select(2);
        DrawingCanvas canvas = find(window, "canvas", DrawingCanvas.class);
        Point origin = onEdt(canvas::getLocationOnScreen);
        int ox = origin.x + (canvas.getWidth() - DrawingCanvas.SIDE) / 2;
        int oy = origin.y + (canvas.getHeight() - DrawingCanvas.SIDE) / 2;
        // A "7": a bar and a diagonal, drawn with the real mouse.
        drag(ox + 70, oy + 60, ox + 210, oy + 60);
        drag(ox + 210, oy + 60, ox + 120, oy + 230);
        ProbabilityBars bars = find(window, "drawBars", ProbabilityBars.class);
        DigitImage preview = find(window, "drawPreview", DigitImage.class);
        JLabel answer = find(window, "drawAnswer", JLabel.class);
        waitFor(() -> onEdt(() -> preview.hasImage() && sum(bars.probabilities()) > 0.99), 20, "a prediction");
        String shown = onEdt(answer::getText);
        assertTrue(shown.matches("\\d") || shown.equals("not sure"), "answer: " + shown);
        String detail = onEdt(() -> find(window, "drawDetail", JLabel.class).getText());
        assertTrue(detail.contains(" ms"), detail);
        screenshots("draw");

        robot.keyPress(KeyEvent.VK_ESCAPE);
        robot.keyRelease(KeyEvent.VK_ESCAPE);
        waitFor(() -> onEdt(() -> !preview.hasImage() && answer.getText().isBlank() && sum(bars.probabilities()) == 0), 10,
                "the cleared canvas to show no answer");
    }

    @Test
    @Order(2)
    void labellingThreeByKeyboardAndUndoingOneLeavesTwoLabelsInTheJournal() throws Exception {
        select(1);
        System.out.printf("after showing the Review tab: %.1f ms%n", watchdog.worstMillis());
        SwingUtilities.invokeAndWait(() -> {
            find(window, "reviewPanel", ReviewPanel.class);
            ((JSpinner) findSpinnerAfter("Queue")).setValue(10);
        });
        click(find(window, "buildQueue", javax.swing.JButton.class));
        JLabel guess = find(window, "reviewGuess", JLabel.class);
        waitFor(() -> onEdt(() -> guess.getText().startsWith("Model's guess")), 60, "the queue");
        System.out.printf("after building the queue: %.1f ms%n", watchdog.worstMillis());
        screenshots("review");
        int before = window.workbench().journal().answeredCount();
        SwingUtilities.invokeAndWait(() -> {
            window.toFront();
            find(window, "reviewImage", DigitImage.class).requestFocusInWindow();
        });
        waitFor(() -> onEdt(() -> window.getFocusOwner() != null), 10, "keyboard focus in the window");
        type(KeyEvent.VK_3);
        type(KeyEvent.VK_ENTER);
        type(KeyEvent.VK_7);
        waitFor(() -> window.workbench().journal().answeredCount() == before + 3, 10, "three labels");
        type(KeyEvent.VK_BACK_SPACE);
        waitFor(() -> window.workbench().journal().answeredCount() == before + 2, 10, "the undo");

        try (var lines = Files.lines(Workbench.JOURNAL)) {
            assertEquals(3, lines.filter(l -> l.startsWith("A\t")).count(), "three answers were written");
        }
        try (var lines = Files.lines(Workbench.JOURNAL)) {
            assertEquals(1, lines.filter(l -> l.startsWith("R\t")).count(), "and one retraction");
        }
        assertEquals(before + 2, window.workbench().journal().effectiveLabels().size());
        String counters = onEdt(() -> find(window, "reviewCounters", JLabel.class).getText());
        assertTrue(counters.startsWith("labelled " + (before + 2)), counters);
    }

    @Test
    @Order(3)
    void clickingAConfusionCellShowsItsGallery() throws Exception {
        select(3);
        ConfusionMatrixView matrix = find(window, "confusionMatrix", ConfusionMatrixView.class);
        waitFor(() -> onEdt(() -> matrix.isShowing()), 10, "the matrix");
        Point cell = onEdt(() -> {
            Point p = matrix.cellCentre(7, 7);
            Point s = matrix.getLocationOnScreen();
            return new Point(s.x + p.x, s.y + p.y);
        });
        robot.mouseMove(cell.x, cell.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        waitFor(() -> onEdt(() -> window.resultsPanel().galleryCount() > 100), 10, "the gallery of correctly read 7s");
        screenshots("results");
    }

    @Test
    @Order(4)
    void trainingOneEpochGrowsTheChartsAndCancelStopsASecondRun() throws Exception {
        select(0);
        SwingUtilities.invokeAndWait(() -> {
            find(window, "trainModel", JComboBox.class).setSelectedItem("MLP");
            find(window, "trainEpochs", JSpinner.class).setValue(1);
            find(window, "trainLimit", JSpinner.class).setValue(3000);
        });
        TrainPanel panel = window.trainPanel();
        click(find(window, "trainStart", javax.swing.JButton.class));
        waitFor(() -> onEdt(() -> panel.accuracyPoints() == 1 && !panel.isTraining()), 120, "one epoch");
        assertTrue(onEdt(panel::lossPoints) > 3, "loss points per iteration");
        screenshots("train");

        SwingUtilities.invokeAndWait(() -> find(window, "trainEpochs", JSpinner.class).setValue(50));
        click(find(window, "trainStart", javax.swing.JButton.class));
        waitFor(() -> onEdt(() -> panel.lossPoints() > 2), 60, "the second run to start");
        click(find(window, "trainCancel", javax.swing.JButton.class));
        waitFor(() -> onEdt(() -> !panel.isTraining()), 10, "cancel to stop training");
        String status = onEdt(() -> find(window, "trainProgress", javax.swing.JProgressBar.class).getString());
        assertTrue(status.startsWith("cancelled"), status);
    }

    @Test
    @Order(5)
    void theEdtWasNeverBlockedForLong() {
        assertTrue(watchdog.worstMillis() < MAX_EDT_STALL_MS, "worst EDT stall " + watchdog.worstMillis() + " ms");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Component findSpinnerAfter(String labelText) {
        Container panel = find(window, "reviewPanel", ReviewPanel.class);
        Component[] all = allComponents(panel).toArray(new Component[0]);
        for (int i = 0; i < all.length - 1; i++) {
            if (all[i] instanceof JLabel l && labelText.equals(l.getText())) {
                for (int j = i + 1; j < all.length; j++) if (all[j] instanceof JSpinner) return all[j];
            }
        }
        throw new AssertionError("no spinner after " + labelText);
    }

    private static java.util.List<Component> allComponents(Container c) {
        java.util.List<Component> list = new java.util.ArrayList<>();
        for (Component child : c.getComponents()) {
            list.add(child);
            if (child instanceof Container k) list.addAll(allComponents(k));
        }
        return list;
    }

    static <T extends Component> T find(Container root, String name, Class<T> type) {
        for (Component c : allComponents(root)) {
            if (name.equals(c.getName()) && type.isInstance(c)) return type.cast(c);
        }
        throw new AssertionError("no component named " + name);
    }

    private static void select(int tab) throws Exception {
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(tab));
        robot.waitForIdle();
    }

    private static void click(Component c) throws Exception {
        Point p = onEdt(() -> {
            Point s = c.getLocationOnScreen();
            return new Point(s.x + c.getWidth() / 2, s.y + c.getHeight() / 2);
        });
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    private static void drag(int x0, int y0, int x1, int y1) {
        robot.mouseMove(x0, y0);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (int i = 1; i <= 20; i++) robot.mouseMove(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    private static void type(int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
        robot.waitForIdle();
    }

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) s += v;
        return s;
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) throw error.get();
        return result.get();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** The window in light and in dark, as docs/screenshots/<tab>-light.png and -dark.png. */
    private static void screenshots(String tab) throws Exception {
        System.out.printf("worst EDT stall so far (before %s screenshots): %.1f ms%n", tab, watchdog.worstMillis());
        watchdog.pause(true);
        try {
            takeScreenshots(tab);
        } finally {
            robot.waitForIdle();
            Thread.sleep(200);
            watchdog.pause(false);
        }
    }

    private static void takeScreenshots(String tab) throws Exception {
        Path dir = Files.createDirectories(Path.of("docs", "screenshots"));
        for (boolean dark : new boolean[] {false, true}) {
            SwingUtilities.invokeAndWait(() -> window.setDark(dark));
            robot.waitForIdle();
            Thread.sleep(300);
            BufferedImage shot = onEdt(() -> {
                BufferedImage img = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
                var g = img.createGraphics();
                window.paint(g);
                g.dispose();
                return img;
            });
            ImageIO.write(shot, "png", dir.resolve(tab + "-" + (dark ? "dark" : "light") + ".png").toFile());
        }
        SwingUtilities.invokeAndWait(() -> window.setDark(false));
        robot.waitForIdle();
    }

}
