package digitloop.ui;

import com.formdev.flatlaf.FlatLaf;
import digitloop.task.UserMessages;
import digitloop.data.DatasetStore;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jfree.chart.ChartPanel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The frame: menus, the five tabs (built once the engine is ready), the status bar. */
public final class MainWindow extends JFrame {
    static final String[] TABS = {"Train", "Review", "Draw", "Results", "Generate"};
    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

    private final AppPrefs prefs;
    private final TaskRunner tasks;
    private final Workspace workspace;
    private final StatusBar status = new StatusBar();
    private final JTabbedPane tabs = new JTabbedPane();
    private Workbench bench;
    private TrainPanel train;
    private ReviewPanel review;
    private SuspiciousLabelsPanel suspicious;
    private DrawPanel draw;
    private ResultsPanel results;
    private GeneratePanel generate;
    private FirstStartDialog firstStart;

    MainWindow(AppPrefs prefs, TaskRunner tasks, Workspace workspace, boolean exitOnClose) {
        super("DigitLoop");
        this.prefs = prefs;
        this.tasks = tasks;
        this.workspace = workspace;
        tasks.setObserver(status);
        setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
        int[] b = prefs.windowBounds();
        setSize(b[2], b[3]);
        if (b[0] >= 0) setLocation(b[0], b[1]); else setLocationRelativeTo(null);
        if (prefs.maximized()) setExtendedState(MAXIMIZED_BOTH);
        addComponentListener(new ComponentAdapter() {
            @Override public void componentResized(ComponentEvent e) { remember(); }

            @Override public void componentMoved(ComponentEvent e) { remember(); }
        });
        addWindowListener(new WindowAdapter() {
            @Override public void windowClosing(WindowEvent e) { requestClose(); }

            @Override public void windowClosed(WindowEvent e) { closed(exitOnClose); }
        });
        setJMenuBar(new AppMenus(this, prefs).build());
        tabs.setName("tabs");
        for (String t : TABS) tabs.addTab(t, new JLabel("Loading the engine…", SwingConstants.CENTER));
        tabs.addChangeListener(e -> prefs.setSelectedTab(tabs.getSelectedIndex()));
        JPanel content = new JPanel(new BorderLayout());
        content.add(tabs, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        setContentPane(content);
    }

    private void remember() {
        if (!isShowing()) return;
        boolean max = (getExtendedState() & MAXIMIZED_BOTH) == MAXIMIZED_BOTH;
        prefs.setMaximized(max);
        if (!max) prefs.setWindowBounds(getX(), getY(), getWidth(), getHeight());
    }

    private void closed(boolean exit) {
        if (bench != null) {
            try {
                bench.journal().close();
            } catch (IOException e) {
                log.warn("closing the label journal", e);
            }
        }
        if (exit) System.exit(0);
    }

    /** Quit or close: asks first when something the person made exists only in memory. */
    void requestClose() {
        List<UnsavedWork.Item> unsaved = UnsavedWork.of(bench, train, review);
        if (unsaved.isEmpty()) {
            dispose();
            return;
        }
        switch (UnsavedWork.ask(this, unsaved)) {
            case SAVE -> tasks.run("Saving before quitting", ctx -> {
                for (UnsavedWork.Item item : unsaved) item.save().run();
                return null;
            }, ok -> dispose(), e -> Dialogs.error(this, "Not everything could be saved, so DigitLoop stays open", e));
            case DISCARD -> dispose();
            case CANCEL -> { }
        }
    }

    /** Fetches the data first if it is missing (first start), then loads the engine; {@code settled} runs after. */
    void startEngine(Runnable settled) {
        DatasetStore store = workspace.store();
        if (!store.isComplete()) {
            status.setIdleText("MNIST is missing: fetching it.");
            firstStart = FirstStartDialog.fetchData(this, store, tasks, () -> loadEngine(settled), () -> {
                engineFailed(new IllegalStateException("MNIST is not there: " + store.manualInstructions()), false);
                settled.run();
            });
            return;
        }
        loadEngine(settled);
    }

    private void loadEngine(Runnable settled) {
        Path preferred = prefs.lastModel().isBlank() ? null : Path.of(prefs.lastModel());
        tasks.run("Loading data and model", ctx -> EngineLoader.load(ctx, workspace, preferred), loaded -> {
            engineReady(loaded.workbench(), () -> {
                if (firstStart != null) firstStart.dispose();
                if (loaded.modelProblem() != null) {
                    SwingUtilities.invokeLater(() -> Dialogs.error(this, "A model could not be opened"
                            + (bench.hasModel() ? "; DigitLoop opened " + bench.model().file() + " instead" : ""), loaded.modelProblem()));
                }
                if (!bench.hasModel()) firstStart = FirstStartDialog.offerQuickModel(this, bench, tasks, this::useModel);
                settled.run();
            });
        }, e -> {
            if (firstStart != null) firstStart.dispose();
            engineFailed(e, true);
            settled.run();
        });
    }

    /**
     * Called on the EDT when the engine is ready: builds the real tabs, one per EDT event so the
     * window keeps painting in between, then runs {@code then}. {@link #workbench()} stays null until
     * all five are in place.
     */
    void engineReady(Workbench workbench, Runnable then) {
        int selected = Math.max(0, Math.min(TABS.length - 1, prefs.selectedTab()));
        List<Runnable> steps = new ArrayList<>();
        // The Train tab's form alone held a cold EDT for 290 ms in one turn (its spinners): a few turns instead.
        TrainSettingsForm form = new TrainSettingsForm(steps, workspace.trainDefaults());
        steps.addAll(List.of(
                () -> tabs.setComponentAt(0, train = new TrainPanel(workbench, tasks, this::useModel, form)),
                () -> tabs.setComponentAt(1, reviewTabs(review = new ReviewPanel(workbench, tasks, this::useModel,
                        () -> status.setIdleText(describe(workbench))), suspicious = new SuspiciousLabelsPanel(workbench, tasks))),
                () -> tabs.setComponentAt(2, draw = new DrawPanel(workbench, tasks, this::useModel)),
                () -> tabs.setComponentAt(3, results = new ResultsPanel(workbench, tasks)),
                () -> tabs.setComponentAt(4, generate = new GeneratePanel(workbench, tasks, digit -> {
                    draw.showDigit(digit);
                    tabs.setSelectedIndex(2);
                })),
                () -> {
                    tabs.setSelectedIndex(selected);
                    workbench.onModelChange(m -> status.setIdleText(describe(workbench)));
                    status.setIdleText(describe(workbench));
                    restyleCharts(this);
                    bench = workbench;
                    then.run();
                }));
        runInTurn(steps, 0);
    }

    private static void runInTurn(List<Runnable> steps, int next) {
        if (next == steps.size()) return;
        steps.get(next).run();
        SwingUtilities.invokeLater(() -> runInTurn(steps, next + 1));
    }

    /** Makes {@code model} the current one everywhere and remembers its file for the next start. */
    void useModel(LoadedModel model) {
        if (bench == null) return;
        bench.setModel(model);
        if (model.file() != null) prefs.setLastModel(model.file().toString());
    }

    private static String describe(Workbench w) {
        if (!w.hasModel()) {
            return String.format(Locale.ROOT, "No model yet: train one in the Train tab · %d labels in the journal", w.journal().answeredCount());
        }
        var m = w.model().metadata();
        return String.format(Locale.ROOT, "Model %s · %s · %s · trusted ≥ %.3f · %d labels in the journal", w.model().file() == null
                ? m.name() + " (not saved)" : w.model().file(), m.architecture().describe(), m.degradation().label(),
                m.trustedThreshold(), w.journal().answeredCount());
    }

    void engineFailed(Throwable e, boolean dialog) {
        status.setIdleText("The engine could not be loaded.");
        for (int i = 0; i < TABS.length; i++) {
            tabs.setComponentAt(i, new JLabel("<html><div style='width: 520px; text-align: center'>DigitLoop could not load its data:<br><br>"
                    + Dialogs.escape(UserMessages.of(e)) + "</div></html>", SwingConstants.CENTER));
        }
        if (dialog) Dialogs.error(this, "DigitLoop could not load its data or its label journal", e);
    }

    /** Switches FlatLaf light/dark, remembers it, and restyles every open component and chart. */
    public void setDark(boolean dark) {
        prefs.setDark(dark);
        DesktopApp.installLookAndFeel(dark);
        FlatLaf.updateUI();
        restyleCharts(this);
    }

    private static void restyleCharts(Container container) {
        for (Component c : container.getComponents()) {
            if (c instanceof ChartPanel panel) Charts.theme(panel.getChart());
            if (c instanceof Container child) restyleCharts(child);
        }
    }

    // --- menu actions ------------------------------------------------------------------------

    void openModel() {
        if (bench == null) return;
        JFileChooser chooser = new JFileChooser(workspace.models().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("DigitLoop models (*.zip)", "zip"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        tasks.run("Loading " + file, ctx -> ModelFile.load(file), this::useModel, e -> Dialogs.error(this, "Could not open the model", e));
    }

    void saveModel() {
        if (bench == null || !bench.hasModel()) {
            Dialogs.info(this, "Nothing to save", "There is no model yet: train one in the Train tab.");
            return;
        }
        LoadedModel model = bench.model();
        JFileChooser chooser = new JFileChooser(workspace.models().toFile());
        chooser.setSelectedFile(new File(workspace.models().toFile(), model.metadata().name() + ".zip"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        tasks.run("Saving " + file, ctx -> {
            ModelFile.save(file, model.network(), model.metadata());
            return new LoadedModel(model.network(), model.metadata(), file);
        }, this::useModel, e -> Dialogs.error(this, "Could not save the model", e));
    }

    /** Evaluates the current model on a labelled Kaggle train.csv the person picks (on a worker). */
    void importKaggleCsv() {
        KaggleImport.chooseAndEvaluate(this, bench, tasks);
    }

    Path workspaceJournal() { return workspace.journal(); }

    void showTab(int index) { tabs.setSelectedIndex(index); }

    TaskRunner tasks() { return tasks; }

    JTabbedPane tabs() { return tabs; }

    StatusBar status() { return status; }

    Workbench workbench() { return bench; }

    TrainPanel trainPanel() { return train; }

    ReviewPanel reviewPanel() { return review; }

    SuspiciousLabelsPanel suspiciousPanel() { return suspicious; }

    /** The Review tab: the pool's uncertain samples, and the given labels out-of-sample predictions doubt. */
    private static javax.swing.JTabbedPane reviewTabs(ReviewPanel pool, SuspiciousLabelsPanel labels) {
        javax.swing.JTabbedPane sub = new javax.swing.JTabbedPane();
        sub.setName("reviewTabs");
        sub.addTab("Uncertain samples", pool);
        sub.addTab("Suspicious labels", labels);
        sub.setMnemonicAt(1, java.awt.event.KeyEvent.VK_L);
        return sub;
    }

    DrawPanel drawPanel() { return draw; }

    ResultsPanel resultsPanel() { return results; }

    GeneratePanel generatePanel() { return generate; }

    FirstStartDialog firstStartDialog() { return firstStart; }
}
