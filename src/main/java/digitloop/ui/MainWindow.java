package digitloop.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.BorderLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/** The frame: menus, the four tabs (built once the engine is ready), the status bar. */
public final class MainWindow extends JFrame {
    static final String[] TABS = {"Train", "Review", "Draw", "Results"};

    private final AppPrefs prefs;
    private final TaskRunner tasks;
    private final StatusBar status = new StatusBar();
    private final JTabbedPane tabs = new JTabbedPane();
    private Workbench bench;
    private TrainPanel train;
    private ReviewPanel review;
    private DrawPanel draw;
    private ResultsPanel results;

    MainWindow(AppPrefs prefs, TaskRunner tasks) {
        super("DigitLoop");
        this.prefs = prefs;
        this.tasks = tasks;
        tasks.setObserver(status);
        setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        int[] b = prefs.windowBounds();
        setSize(b[2], b[3]);
        if (b[0] >= 0) setLocation(b[0], b[1]); else setLocationRelativeTo(null);
        addComponentListener(new ComponentAdapter() {
            @Override public void componentResized(ComponentEvent e) { remember(); }

            @Override public void componentMoved(ComponentEvent e) { remember(); }
        });
        setJMenuBar(menus());
        tabs.setName("tabs");
        for (String t : TABS) {
            JLabel loading = new JLabel("Loading the engine…", SwingConstants.CENTER);
            tabs.addTab(t, loading);
        }
        tabs.addChangeListener(e -> prefs.setSelectedTab(tabs.getSelectedIndex()));
        JPanel content = new JPanel(new BorderLayout());
        content.add(tabs, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        setContentPane(content);
    }

    private void remember() {
        if (isShowing() && getExtendedState() == NORMAL) prefs.setWindowBounds(getX(), getY(), getWidth(), getHeight());
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        JMenuItem quit = new JMenuItem("Quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        quit.addActionListener(e -> dispose());
        file.add(quit);
        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", prefs.dark());
        dark.setName("darkToggle");
        dark.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        dark.addActionListener(e -> setDark(dark.isSelected()));
        view.add(dark);
        view.addSeparator();
        for (int i = 0; i < TABS.length; i++) {
            int index = i;
            JMenuItem item = new JMenuItem(TABS[i]);
            item.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, InputEvent.CTRL_DOWN_MASK));
            item.addActionListener(e -> tabs.setSelectedIndex(index));
            view.add(item);
        }
        JMenu help = new JMenu("Help");
        JMenuItem about = new JMenuItem("About DigitLoop");
        about.addActionListener(e -> JOptionPane.showMessageDialog(this, "DigitLoop: handwritten digits with a human in the loop.\n"
                + "DeepLearning4j, FlatLaf, JFreeChart. Logs: logs/digitloop.log", "About", JOptionPane.INFORMATION_MESSAGE));
        help.add(about);
        bar.add(file);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    /** Switches FlatLaf light/dark, remembers it, and restyles every open component and chart. */
    public void setDark(boolean dark) {
        prefs.setDark(dark);
        FlatLaf.setup(dark ? new FlatDarkLaf() : new FlatLightLaf());
        FlatLaf.updateUI();
        restyleCharts(this);
    }

    private static void restyleCharts(java.awt.Container container) {
        for (java.awt.Component c : container.getComponents()) {
            if (c instanceof org.jfree.chart.ChartPanel panel) Charts.theme(panel.getChart());
            if (c instanceof java.awt.Container child) restyleCharts(child);
        }
    }

    /** Called on the EDT when the engine is ready: builds the real tabs. */
    void engineReady(Workbench workbench) {
        this.bench = workbench;
        train = new TrainPanel(workbench, tasks);
        review = new ReviewPanel(workbench, tasks);
        draw = new DrawPanel(workbench, tasks, prefs);
        results = new ResultsPanel(workbench, tasks);
        int selected = Math.max(0, Math.min(TABS.length - 1, prefs.selectedTab()));
        tabs.setComponentAt(0, train);
        tabs.setComponentAt(1, review);
        tabs.setComponentAt(2, draw);
        tabs.setComponentAt(3, results);
        tabs.setSelectedIndex(selected);
        workbench.onModelChange(m -> status.setIdleText(describe(workbench)));
        status.setIdleText(describe(workbench));
        results.evaluate();
        restyleCharts(this);
    }

    private static String describe(Workbench w) {
        var m = w.model().metadata();
        return String.format(Locale.ROOT, "Model %s · %s · %s · trusted ≥ %.3f · %d labels in the journal", w.model().file() == null
                ? m.name() + " (not saved)" : w.model().file(), m.architecture().describe(), m.degradation().label(),
                m.trustedThreshold(), w.journal().answeredCount());
    }

    void engineFailed(Exception e) {
        status.setIdleText("The engine could not be loaded.");
        for (int i = 0; i < TABS.length; i++) {
            tabs.setComponentAt(i, new JLabel("<html><center>The engine could not be loaded:<br>" + digitloop.cli.UserMessages.of(e)
                    + "</center></html>", SwingConstants.CENTER));
        }
        Dialogs.error(this, "DigitLoop could not load its data or model", e);
    }

    JTabbedPane tabs() { return tabs; }

    StatusBar status() { return status; }

    Workbench workbench() { return bench; }

    TrainPanel trainPanel() { return train; }

    ReviewPanel reviewPanel() { return review; }

    DrawPanel drawPanel() { return draw; }

    ResultsPanel resultsPanel() { return results; }

    static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) r.run(); else SwingUtilities.invokeLater(r);
    }
}
