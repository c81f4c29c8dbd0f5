package digitloop.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.table.DefaultTableModel;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a worker, the classes the tabs will need, and renders one chart to an image, while the
 * engine loads anyway. Built cold on the EDT, the four tabs held it for 650 ms on a busy 2-core
 * machine, mostly class loading; warmed, each tab builds in a few tens of ms.
 */
final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final String[] CLASSES = {
        "org.jfree.chart.ChartPanel", "org.jfree.chart.ChartRenderingInfo", "org.jfree.chart.entity.StandardEntityCollection",
        "org.jfree.chart.plot.PlotRenderingInfo", "org.jfree.chart.ChartTransferable", "javax.swing.JPopupMenu",
        "javax.swing.JMenuItem", "javax.swing.ToolTipManager", "org.jfree.chart.plot.XYPlot", "org.jfree.chart.axis.NumberAxis",
        "org.jfree.chart.renderer.xy.XYLineAndShapeRenderer", "org.jfree.chart.title.LegendTitle",
        "com.formdev.flatlaf.ui.FlatComboBoxUI", "com.formdev.flatlaf.ui.FlatSpinnerUI", "com.formdev.flatlaf.ui.FlatTextFieldUI",
        "com.formdev.flatlaf.ui.FlatFormattedTextFieldUI", "com.formdev.flatlaf.ui.FlatTableUI", "com.formdev.flatlaf.ui.FlatTableHeaderUI",
        "com.formdev.flatlaf.ui.FlatListUI", "com.formdev.flatlaf.ui.FlatSplitPaneUI", "com.formdev.flatlaf.ui.FlatProgressBarUI",
        "com.formdev.flatlaf.ui.FlatToggleButtonUI", "com.formdev.flatlaf.ui.FlatCheckBoxUI", "com.formdev.flatlaf.ui.FlatScrollPaneUI",
        "com.formdev.flatlaf.ui.FlatScrollBarUI", "com.formdev.flatlaf.ui.FlatButtonUI", "com.formdev.flatlaf.ui.FlatLabelUI",
        "com.formdev.flatlaf.ui.FlatTabbedPaneUI", "com.formdev.flatlaf.ui.FlatViewportUI", "com.formdev.flatlaf.ui.FlatPanelUI",
        "javax.swing.JTable", "javax.swing.JSpinner", "javax.swing.JFormattedTextField", "javax.swing.text.DefaultHighlighter",
        "javax.swing.text.DefaultCaret", "javax.swing.plaf.basic.BasicComboBoxEditor", "javax.swing.JSplitPane",
        "javax.swing.table.DefaultTableModel", "javax.swing.table.JTableHeader", "javax.swing.DefaultListCellRenderer",
        "digitloop.ui.TrainPanel", "digitloop.ui.TrainSettingsForm", "digitloop.ui.ReviewPanel", "digitloop.ui.DrawPanel",
        "digitloop.ui.ResultsPanel", "digitloop.ui.ConfusionMatrixView", "digitloop.ui.ProbabilityBars", "digitloop.ui.DigitImage",
        "digitloop.ui.QueueStrip", "digitloop.ui.HitlProgressView", "digitloop.ui.ChartBrowser", "digitloop.ui.DrawingCanvas",
    };

    /** Draws of the throwaway chart and components: enough for the JIT's first tier, a second or so of a worker. */
    static final int PAINTS = 40;

    private WarmUp() {
    }

    static void run() {
        long start = System.nanoTime();
        ClassLoader loader = WarmUp.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("warm-up: no {}", name);
            }
        }
        // JFreeChart is not Swing: a chart can be made and drawn off the EDT.
        XYSeries s = new XYSeries("warm-up");
        s.add(1, 1);
        s.add(2, 2);
        JFreeChart chart = ChartFactory.createXYLineChart("warm-up", "x", "y", new XYSeriesCollection(s));
        // With rendering info, as a ChartPanel draws: that loads the entity and tooltip classes too.
        BufferedImage image = chart.createBufferedImage(200, 120, new org.jfree.chart.ChartRenderingInfo());
        image.flush();
        // One draw runs the rendering code interpreted; the EDT's first paint of the window then ran it cold too
        // (300-360 ms on this 2-core machine, quiet, in DesktopAppGuiTest). Repeated draws let the JIT compile
        // the anti-aliased fill and stroke paths, the charts' and FlatLaf's, before the window needs them.
        JFreeChart themed = Charts.line("warm-up", "x", "accuracy", new XYSeriesCollection(s), true);
        for (int i = 0; i < PAINTS; i++) themed.createBufferedImage(640, 360).flush();
        try {
            components();
        } catch (RuntimeException | LinkageError e) {
            log.debug("warm-up: components", e);
        }
        log.debug("warm-up took {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Throwaway components, laid out and painted to an image, never shown. The first text field,
     * spinner or table a JVM makes pays for rasterising the font's glyphs, installing UI delegates
     * and running cold code, on whatever thread makes it: sampled on a busy machine, that was 340 ms
     * of the EDT while the Train tab was built. They stay on this thread and are dropped, so Swing's
     * one-thread rule for live components is not at stake.
     */
    private static void components() {
        JPanel panel = new JPanel(new FlowLayout());
        panel.add(new JTextField("32,64,128 0.001 ±°", 10));
        panel.add(new JSpinner(new SpinnerNumberModel(0.4, 0.0, 0.9, 0.05)));
        panel.add(new JComboBox<>(new String[] {"CNN", "clean"}));
        panel.add(new JCheckBox("shifts ±2 px"));
        panel.add(new JButton("Start"));
        panel.add(new JToggleButton("Pen"));
        panel.add(new JProgressBar());
        panel.add(new JLabel("<html><b>Accuracy</b> 99.4 %</html>"));
        panel.add(new JScrollPane(new JTable(new DefaultTableModel(new Object[][] {{"0", 0.99}}, new Object[] {"class", "F1"}))));
        panel.add(new JScrollPane(new JList<>(new String[] {"run 1"})));
        JTabbedPane tabs = new JTabbedPane();
        tabs.addTab("Train", new JPanel());
        panel.add(tabs);
        panel.add(new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JLabel("a"), new JLabel("b")));
        Dimension size = panel.getPreferredSize();
        panel.setSize(size);
        layOut(panel);
        BufferedImage image = new BufferedImage(Math.max(1, size.width), Math.max(1, size.height), BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < PAINTS; i++) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                panel.paint(g);
            } finally {
                g.dispose();
            }
        }
    }

    private static void layOut(Container container) {
        container.doLayout();
        for (Component child : container.getComponents()) {
            if (child instanceof Container c) layOut(c);
        }
    }
}
