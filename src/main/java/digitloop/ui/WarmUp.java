package digitloop.ui;

import java.awt.image.BufferedImage;
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
        log.debug("warm-up took {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
