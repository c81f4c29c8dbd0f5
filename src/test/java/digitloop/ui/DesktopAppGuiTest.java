package digitloop.ui;

import static digitloop.ui.GuiDriver.find;
import static digitloop.ui.GuiDriver.onEdt;
import static digitloop.ui.GuiDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.formdev.flatlaf.FlatLaf;
import digitloop.hitl.ReviewQueue;
import digitloop.model.LoadedModel;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JSpinner;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real window under Xvfb with java.awt.Robot, in the order a person would: the window
 * shows before the engine; draw on the canvas; read the confusion matrix; train a small model and
 * cancel another; label by keyboard, undo, retrain; close, reopen, and find the queue, theme and
 * window size as they were left. A watchdog reports how long the EDT was ever blocked, and fails the
 * run if a stall of over 100 ms had the EDT in engine work, file I/O or waiting for a worker (the
 * stall's length alone depends on the machine's load; what the EDT was doing does not). Screenshots of every tab, light and dark, go to docs/screenshots/.
 */
@Tag("gui")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAppGuiTest {
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @TempDir
    static Path temp;
    private static Preferences node;
    private static Workspace workspace;
    private static MainWindow window;
    private static GuiDriver gui;
    private static EdtWatchdog watchdog;

    @BeforeAll
    static void openTheApp() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        // A journal and a chart folder of the test's own; the person's labels are never touched.
        workspace = Workspace.current().withJournal(temp.resolve("journal.tsv"));
        // Models of its own too: an accepted retrain is saved into the models folder.
        Path models = Files.createDirectories(temp.resolve("models"));
        for (String f : new String[] {"cnn.zip", "cnn.json"}) Files.copy(workspace.models().resolve(f), models.resolve(f));
        workspace = new Workspace(workspace.data(), models, workspace.journal(), Files.createDirectories(temp.resolve("charts")), null);
        node = Preferences.userRoot().node("digitloop-gui-test");
        node.clear();
        new AppPrefs(node).setWindowBounds(0, 0, 1280, 860);
        gui = new GuiDriver();
        watchdog = new EdtWatchdog();
    }

    @AfterAll
    static void closeTheApp() throws Exception {
        if (watchdog != null) {
            watchdog.close();
            System.out.printf("GUI flows: worst EDT stall %.1f ms (during %s)%n", watchdog.worstMillis(), watchdog.worstDuring());
        }
        if (window != null) SwingUtilities.invokeAndWait(window::dispose);
        if (node != null) node.removeNode();
    }

    @Test
    @Order(0)
    void theWindowShowsBeforeTheEngineHasLoaded() throws Exception {
        watchdog.phase("start-up");
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService work = daemon("gated-work");
        work.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TaskRunner gated = new TaskRunner(daemon("t-training"), work, daemon("t-live")) { };
        window = watchdog.unwatched(() -> DesktopApp.launch(new AppPrefs(node), gated, workspace, false));
        // The engine cannot have loaded: its lane is held shut.
        assertTrue(onEdt(window::isShowing));
        assertEquals("DigitLoop", onEdt(window::getTitle));
        waitFor(() -> onEdt(() -> window.status().busy() && window.status().text().startsWith("Loading data and model")), 10,
                "the status bar to show the loading");
        assertNull(onEdt(window::workbench));
        gate.countDown();
        waitFor(() -> onEdt(() -> window.workbench() != null), 120, "the engine to load");
        waitFor(() -> onEdt(() -> window.resultsPanel().evaluated()), 240, "the first evaluation");
    }

    @Test
    @Order(1)
    void drawingShowsProbabilitiesAndThePreviewChangesAndClearingRemovesTheAnswer() throws Exception {
        watchdog.phase("drawing");
        select(2);
        DrawPanel draw = window.drawPanel();
        DrawingCanvas canvas = find(window, "canvas", DrawingCanvas.class);
        Point origin = onEdt(canvas::getLocationOnScreen);
        int ox = origin.x + onEdt(() -> (canvas.getWidth() - DrawingCanvas.SIDE) / 2);
        int oy = origin.y + onEdt(() -> (canvas.getHeight() - DrawingCanvas.SIDE) / 2);
        ProbabilityBars bars = find(window, "drawBars", ProbabilityBars.class);
        DigitImage preview = find(window, "drawPreview", DigitImage.class);
        JLabel answer = find(window, "drawAnswer", JLabel.class);
        assertEquals("–", onEdt(answer::getText), "a blank page has no answer");

        gui.drag(ox + 70, oy + 60, ox + 210, oy + 60);
        waitFor(() -> onEdt(() -> preview.hasImage() && Math.abs(sum(bars.probabilities()) - 1) < 0.01 && canvasSettled(draw)), 30,
                "a reading of the whole bar");
        // The diagonal of a 7, with the real mouse; the reading must follow it.
        float[] barOnly = onEdt(preview::pixels);
        gui.drag(ox + 210, oy + 60, ox + 120, oy + 230);
        waitFor(() -> onEdt(() -> !Arrays.equals(barOnly, preview.pixels()) && canvasSettled(draw)), 30, "the preview to change");
        float[] seven = onEdt(preview::pixels);
        assertTrue(rowsWithInk(seven) > rowsWithInk(barOnly) + 8, "the preview holds the diagonal: rows with ink "
                + rowsWithInk(barOnly) + " -> " + rowsWithInk(seven));
        String shown = onEdt(answer::getText);
        assertTrue(shown.matches("\\d") || shown.equals("not sure"), "answer: " + shown);
        assertTrue(onEdt(() -> find(window, "drawTiming", JLabel.class).getText()).contains(" ms"));
        assertEquals(1, sum(onEdt(bars::probabilities)), 0.01);
        scribbleForLatency(ox, oy);
        screenshots("draw");

        gui.type(KeyEvent.VK_ESCAPE);
        waitFor(() -> onEdt(() -> !preview.hasImage() && answer.getText().equals("–") && sum(bars.probabilities()) == 0), 10,
                "the cleared canvas to show no answer");
        assertFalse(onEdt(() -> find(window, "teachButton", JButton.class).isEnabled()), "nothing to teach on a blank page");
        reportLatency(draw);
    }

    @Test
    @Order(2)
    void clickingAConfusionCellShowsItsImagesFramedRightOrWrong() throws Exception {
        watchdog.phase("results");
        select(3);
        ResultsPanel results = window.resultsPanel();
        ConfusionMatrixView matrix = find(window, "confusionMatrix", ConfusionMatrixView.class);
        int[][] counts = onEdt(matrix::matrix);
        clickCell(matrix, 7, 7);
        waitFor(() -> onEdt(() -> results.galleryCount() == Math.min(counts[7][7], ResultsPanel.GALLERY_LIMIT)), 10, "the gallery of 7s read as 7");
        assertEquals(List.of(ResultsPanel.RIGHT), onEdt(results::galleryFrames));
        int[] wrong = worstMistake(counts);
        clickCell(matrix, wrong[0], wrong[1]);
        waitFor(() -> onEdt(() -> results.galleryCount() == counts[wrong[0]][wrong[1]]), 10, "the gallery of a mistake");
        assertEquals(List.of(ResultsPanel.WRONG), onEdt(results::galleryFrames));
        screenshots("results");
    }

    @Test
    @Order(3)
    void trainingASmallModelGrowsTheChartsLiveAndCancelStopsASecondRun() throws Exception {
        watchdog.phase("training");
        select(0);
        TrainPanel panel = window.trainPanel();
        SwingUtilities.invokeAndWait(() -> {
            TrainSettingsForm f = panel.form();
            f.model.setSelectedItem("MLP");
            f.epochs.setValue(2);
            f.limit.setValue(4000);
        });
        gui.click(find(window, "trainStart", JButton.class));
        waitFor(() -> onEdt(() -> panel.lossPoints() > 0 && panel.isTraining()), 120, "loss points while training runs");
        waitFor(() -> onEdt(() -> panel.accuracyPoints() == 2 && !panel.isTraining()), 240, "two epochs");
        assertTrue(onEdt(panel::lossPoints) > 10, "loss per batch");
        String done = onEdt(() -> find(window, "trainProgress", JProgressBar.class).getString());
        assertTrue(done.contains("test accuracy"), done);
        gui.click(find(window, "trainUse", JButton.class));
        waitFor(() -> onEdt(() -> window.workbench().model().file() == null
                && window.workbench().model().metadata().name().equals("run-1")), 10, "the trained model to become current");
        onEdt(() -> {
            panel.exportCharts(workspace.progressCharts().resolve("run-1.png").toFile());
            return null;
        });
        Path lossPng = workspace.progressCharts().resolve("run-1-loss.png");
        waitFor(() -> Files.exists(lossPng) && Files.size(lossPng) > 1000, 30, "the charts written as PNG files");
        screenshots("train");

        SwingUtilities.invokeAndWait(() -> panel.form().epochs.setValue(50));
        gui.click(find(window, "trainStart", JButton.class));
        waitFor(() -> onEdt(() -> panel.lossPoints() > 2), 120, "the second run to start");
        gui.click(find(window, "trainCancel", JButton.class));
        waitFor(() -> onEdt(() -> !panel.isTraining()), 30, "Cancel to stop the training");
        String status = onEdt(() -> find(window, "trainProgress", JProgressBar.class).getString());
        assertTrue(status.toLowerCase().contains("cancel"), status);
        assertTrue(onEdt(panel::accuracyPoints) < 50, "the cancelled run stopped early");
    }

    @Test
    @Order(4)
    void labellingThreeByKeyboardAndUndoingOneLeavesTwoLabelsInTheJournal() throws Exception {
        watchdog.phase("review");
        select(1);
        ReviewPanel review = window.reviewPanel();
        SwingUtilities.invokeAndWait(() -> find0("reviewQueueSize", JSpinner.class).setValue(12));
        gui.click(find(window, "buildQueue", JButton.class));
        JLabel guess = find(window, "reviewGuess", JLabel.class);
        waitFor(() -> onEdt(() -> guess.getText().startsWith("The model guesses")), 120, "the queue");
        ReviewQueue queue = onEdt(review::queue);
        List<Integer> ids = queue.items().stream().map(ReviewQueue.Item::sampleId).toList();
        int firstGuess = queue.items().get(1).guess();
        focusWindow();
        gui.type(KeyEvent.VK_3);
        gui.type(KeyEvent.VK_ENTER);
        gui.type(KeyEvent.VK_7);
        waitFor(() -> onEdt(() -> queue.position() == 3) && window.workbench().journal().answeredCount() == 3, 10, "three labels");
        gui.type(KeyEvent.VK_BACK_SPACE);
        waitFor(() -> onEdt(() -> queue.position() == 2) && window.workbench().journal().answeredCount() == 2, 10,
                "the undo, showing the undone sample again");

        List<String> lines = Files.readAllLines(workspace.journal());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("A\t")).count(), "three answers were written: " + lines);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("R\t")).count(), "and one retraction");
        var labels = window.workbench().journal().effectiveLabels();
        assertEquals(List.of(ids.get(0), ids.get(1)), new ArrayList<>(labels.keySet()));
        assertEquals(3, labels.get(ids.get(0)));
        assertEquals(firstGuess, labels.get(ids.get(1)), "Enter accepted the model's guess");
        assertTrue(onEdt(() -> find(window, "reviewCounters", JLabel.class).getText()).startsWith("labelled 2 "));

        watchdog.phase("retrain");
        LoadedModel before = onEdt(() -> window.workbench().model());
        assertTrue(onEdt(review::workflowText).contains("never trained on"), onEdt(review::workflowText));
        gui.click(find(window, "retrain", JButton.class));
        RetrainPanel retrain = onEdt(review::retrainPanel);
        waitFor(() -> onEdt(retrain::hasPendingCandidate), 240, "the retrain");
        var candidate = onEdt(retrain::pending);
        assertEquals(2, candidate.labels());
        assertTrue(candidate.after().test() > 0.5 && candidate.after().validation() > 0.5, candidate.after().toString());
        assertEquals(before.network(), onEdt(() -> window.workbench().model().network()), "nothing replaced before the person decides");
        String shown = onEdt(() -> find(window, "retrainResult", JLabel.class).getText());
        assertTrue(shown.contains("validation") && shown.contains("test"), shown);
        waitFor(() -> onEdt(() -> !Double.isNaN(review.progressView().iterations().get(0).randomBaselineAccuracy())), 240,
                "the random baseline, measured in the background");
        screenshots("review");

        gui.click(find(window, "acceptRetrained", JButton.class));
        waitFor(() -> onEdt(() -> window.workbench().model().network() == candidate.model().network()), 30, "the accepted model");
        LoadedModel accepted = onEdt(() -> window.workbench().model());
        assertTrue(accepted.metadata().name().endsWith("+2labels"), accepted.metadata().name());
        assertNotNull(accepted.file(), "an accepted model is saved at once");
        assertTrue(Files.exists(accepted.file()) && accepted.file().startsWith(workspace.models()), String.valueOf(accepted.file()));
        assertEquals(2, accepted.metadata().trainedOn().humanIds().size(), "its sidecar records the labels it trained on");
        waitFor(() -> onEdt(() -> review.queue() != null && review.queue().position() == 0 && !window.status().busy()), 120,
                "the queue rebuilt with the accepted model");
        assertTrue(onEdt(() -> review.queue().items().stream().noneMatch(i -> ids.subList(0, 2).contains(i.sampleId()))),
                "the rebuilt queue leaves out what was answered");

        gui.click(find(window, "revertModel", JButton.class));
        waitFor(() -> onEdt(() -> window.workbench().model().network() == before.network()), 30, "the previous model back");
        waitFor(() -> onEdt(() -> !window.status().busy()), 120, "the tasks after the revert");
        focusWindow();
        gui.type(KeyEvent.VK_1);
        waitFor(() -> window.workbench().journal().answeredCount() == 3, 10, "a label in the rebuilt queue");
    }

    @Test
    @Order(5)
    void quittingWithAModelThatIsNotSavedAsksFirst() throws Exception {
        watchdog.phase("quit");
        assertFalse(UnsavedWork.of(window.workbench(), window.trainPanel(), window.reviewPanel()).isEmpty(),
                "the Train tab's run-1 is current and not saved");
        watchdog.pause(true);
        SwingUtilities.invokeLater(window::requestClose);
        waitFor(() -> dialog("Quit DigitLoop") != null, 10, "the question before quitting");
        java.awt.Window asked = dialog("Quit DigitLoop");
        String text = onEdt(() -> GuiDriver.allComponents((java.awt.Container) asked).stream()
                .filter(c -> c instanceof JLabel l && l.getText() != null).map(c -> ((JLabel) c).getText()).reduce("", String::concat));
        assertTrue(text.contains("run-1"), text);
        JButton cancel = onEdt(() -> GuiDriver.allComponents((java.awt.Container) asked).stream()
                .filter(c -> c instanceof JButton b && "Cancel".equals(b.getText())).map(c -> (JButton) c).findFirst().orElseThrow());
        gui.clickUntil(cancel, () -> dialog("Quit DigitLoop") == null, 30, "the question closes");
        assertTrue(onEdt(window::isShowing), "Cancel keeps the app open");
        watchdog.pause(false);
    }

    private static java.awt.Window dialog(String title) throws Exception {
        return onEdt(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && title.equals(d.getTitle()) && d.isShowing()) return w;
            }
            return null;
        });
    }

    @Test
    @Order(6)
    void reopeningResumesTheQueueWithTheThemeAndWindowSizeAsLeft() throws Exception {
        watchdog.phase("reopen");
        // A theme switch restyles every component at once, on purpose: not a stall of a flow, and timed apart.
        watchdog.pause(true);
        long t0 = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> {
            window.setDark(true);
            window.setSize(1200, 820);
        });
        System.out.printf("switching to dark took %.0f ms on the EDT%n", (System.nanoTime() - t0) / 1e6);
        gui.robot.waitForIdle();
        onEdt(() -> null);
        watchdog.pause(false);
        waitFor(() -> new AppPrefs(node).windowBounds()[2] == 1200, 10, "the size to be remembered");
        SwingUtilities.invokeAndWait(window::dispose);
        window = DesktopApp.launch(new AppPrefs(node), TaskRunner.background(), workspace, false);
        assertTrue(onEdt(FlatLaf::isLafDark), "dark, as left");
        assertEquals(new Dimension(1200, 820), onEdt(window::getSize));
        waitFor(() -> onEdt(() -> window.workbench() != null), 120, "the engine to load again");
        assertEquals(3, window.workbench().journal().answeredCount(), "the journal kept the three labels");
        waitFor(() -> onEdt(() -> window.reviewPanel().queue() != null), 240, "the queue to be resumed");
        assertEquals(1, onEdt(() -> window.reviewPanel().queue().position()), "resumed after the sample answered in the rebuilt queue");
        waitFor(() -> onEdt(() -> window.reviewPanel().progressView().iterations().size() == 1), 30, "the round back on the chart");
        assertTrue(Files.readString(workspace.journal().resolveSibling("rounds.tsv")).contains("\tUSED"), "the round was recorded as used");
        assertEquals(1, onEdt(() -> window.tabs().getSelectedIndex()), "on the tab last shown");
        watchdog.pause(true);
        SwingUtilities.invokeAndWait(() -> window.setDark(false));
    }

    /**
     * The EDT's own stalls: time it was busy or blocked. Time it waited for a CPU (the test trains on
     * the same 2 cores), GC pauses and pauses of the whole process are printed as the raw figure but not
     * held against it. Sampling the worst stall found a worker holding the Review tab's monitor, which
     * AWT also takes on the EDT (ReviewPanel.contractFor, then splitFor).
     */
    @Test
    @Order(7)
    void myOwnImagesJoinTheQueueAndTheirLabelsReachTheJournalWithTheirPixels() throws Exception {
        watchdog.phase("own images");
        select(1);
        ReviewPanel review = window.reviewPanel();
        var test = digitloop.TestData.test();
        Path folder = Files.createDirectories(temp.resolve("my scans"));
        for (int i = 0; i < 5; i++) javax.imageio.ImageIO.write(digitloop.TestImages.scan(test, 100 + i), "png", folder.resolve("scan" + i + ".png").toFile());
        SwingUtilities.invokeAndWait(() -> review.loadOwnFolder(folder, true));
        waitFor(() -> onEdt(() -> review.ownImages() != null), 60, "the folder to be read");
        assertTrue(onEdt(() -> find(window, "ownImagesStatus", JLabel.class).getText()).contains("5 of your images from my scans"));
        gui.click(find(window, "buildQueue", JButton.class));
        waitFor(() -> onEdt(() -> review.queue() != null && review.queue().size() == 5), 120, "a queue of the five own images");
        ReviewQueue queue = onEdt(review::queue);
        assertTrue(queue.items().stream().allMatch(i -> digitloop.hitl.OwnImages.isOwnImage(i.sampleId())), "only my images, as ticked");
        JLabel guess = find(window, "reviewGuess", JLabel.class);
        assertTrue(onEdt(guess::getText).startsWith("Your image scan"), onEdt(guess::getText));
        int first = queue.items().get(0).sampleId();
        int labelsBefore = window.workbench().journal().answeredCount();
        focusWindow();
        gui.type(KeyEvent.VK_ENTER);
        waitFor(() -> window.workbench().journal().answeredCount() == labelsBefore + 1, 10, "the label of my first image");
        var event = window.workbench().journal().drawings().stream().filter(e -> e.sampleId() == first).findFirst().orElseThrow();
        assertArrayEquals(onEdt(() -> review.ownImages().pixelsOf(first)), event.pixels(), 0.5f / 255, "the journal holds the image itself");
        assertTrue(Files.exists(workspace.journal().resolveSibling("own-images-folder.txt")), "the folder is remembered for the next start");
        screenshots("review-own-images");
        gui.click(find(window, "removeOwnImages", JButton.class));
        waitFor(() -> onEdt(() -> review.ownImages() == null), 10, "the folder removed from the pool");
        assertFalse(Files.exists(workspace.journal().resolveSibling("own-images-folder.txt")));
        assertEquals(labelsBefore + 1, window.workbench().journal().answeredCount(), "removing the folder keeps the label given");
    }

    @Test
    @Order(8)
    void theEdtNeverDidEngineWorkNorWaitedForIt() {
        System.out.println("worst EDT stall by phase: " + watchdog.worstByPhase() + String.format(" (the Robot's own X syncs, not counted: worst %.1f ms)", watchdog.worstHarnessMillis()));
        System.out.printf("worst EDT stall %.1f ms during %s (%.1f ms counting pauses of the whole JVM); the EDT was in:%s%n", watchdog.worstMillis(),
                watchdog.worstDuring(), watchdog.worstRawMillis(), watchdog.worstStack());
        assertEquals(List.of(), watchdog.workOnEdt(), "long EDT stalls in work that belongs on a worker");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static <T extends java.awt.Component> T find0(String name, Class<T> type) {
        for (var c : GuiDriver.allComponents(window)) if (name.equals(c.getName()) && type.isInstance(c)) return type.cast(c);
        throw new AssertionError("no " + name);
    }

    private static void select(int tab) throws Exception {
        SwingUtilities.invokeAndWait(() -> window.tabs().setSelectedIndex(tab));
        gui.robot.waitForIdle();
    }

    private static void focusWindow() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            window.toFront();
            find0("reviewImage", DigitImage.class).requestFocusInWindow();
        });
        waitFor(() -> onEdt(() -> window.getFocusOwner() != null && !(window.getFocusOwner() instanceof javax.swing.text.JTextComponent)),
                10, "keyboard focus in the window");
    }

    private static void clickCell(ConfusionMatrixView matrix, int actual, int predicted) throws Exception {
        Point cell = onEdt(() -> {
            Point p = matrix.cellCentre(actual, predicted);
            Point s = matrix.getLocationOnScreen();
            return new Point(s.x + p.x, s.y + p.y);
        });
        gui.clickAt(cell.x, cell.y);
    }

    private static int[] worstMistake(int[][] m) {
        int[] best = {0, 1};
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) if (r != c && m[r][c] > m[best[0]][best[1]]) best = new int[] {r, c};
        }
        assertTrue(m[best[0]][best[1]] > 0, "the model makes at least one mistake");
        return best;
    }

    /** True when the last reading on screen is of the canvas as it is now (none still pending). */
    private static boolean canvasSettled(DrawPanel draw) {
        return draw.readingsShown() > 0 && draw.pendingReadings() == 0;
    }

    /** More strokes, to have enough readings for a latency figure. */
    private static void scribbleForLatency(int ox, int oy) throws Exception {
        DrawPanel draw = window.drawPanel();
        gui.drag(ox + 120, oy + 150, ox + 190, oy + 150);
        waitFor(() -> onEdt(() -> canvasSettled(draw)), 30, "the readings to settle");
    }

    private static void reportLatency(DrawPanel draw) throws Exception {
        List<Double> compute = onEdt(draw::computeMillis);
        List<Double> endToEnd = onEdt(draw::endToEndMillis);
        System.out.printf("canvas: %d readings; normalise+predict median %.1f ms, max %.1f ms; stroke to screen median %.1f ms, max %.1f ms%n",
                compute.size(), median(compute), max(compute), median(endToEnd), max(endToEnd));
        assertTrue(compute.size() >= 3, "readings while drawing: " + compute.size());
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) s += v;
        return s;
    }

    private static int rowsWithInk(float[] p) {
        int rows = 0;
        for (int y = 0; p != null && y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (p[y * 28 + x] > 0.2f) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    /** The window in light and in dark, as docs/screenshots/<tab>-light.png and -dark.png. */
    private static void screenshots(String tab) throws Exception {
        // Tasks the flow started (an evaluation after "Use this model") finish first, for a settled picture.
        waitFor(() -> onEdt(() -> !window.status().busy()), 120, "the tasks to finish before the " + tab + " screenshots");
        watchdog.pause(true);
        try {
            for (boolean dark : new boolean[] {false, true}) {
                SwingUtilities.invokeAndWait(() -> window.setDark(dark));
                gui.robot.waitForIdle();
                GuiDriver.screenshot(window, SCREENSHOTS.resolve(tab + "-" + (dark ? "dark" : "light") + ".png"));
            }
            SwingUtilities.invokeAndWait(() -> window.setDark(false));
            gui.robot.waitForIdle();
        } finally {
            // Let the theme switch's own repaints drain before measuring again.
            onEdt(() -> null);
            gui.robot.waitForIdle();
            watchdog.pause(false);
        }
    }
}
