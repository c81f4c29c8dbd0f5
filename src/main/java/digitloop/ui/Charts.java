package digitloop.ui;

import digitloop.files.AtomicWrite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import javax.swing.UIManager;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts in the app's colours; datasets are changed on the EDT only. */
public final class Charts {
    static final Color[] PALETTE = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868), new Color(0xC44E52),
        new Color(0x8172B3), new Color(0x937860), new Color(0xDA8BC3), new Color(0x8C8C8C)};

    private static final BasicStroke GRIDLINE = new BasicStroke(0.5f);

    private Charts() {
    }

    public static JFreeChart line(String title, String x, String y, XYSeriesCollection data, boolean shapes) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < 3 * PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        theme(chart);
        return chart;
    }

    /**
     * A loss chart whose series come in threes per run: loss per batch (a thin line), then train and
     * validation loss per epoch (lines with points).
     */
    public static JFreeChart lossChart(String title, String x, String y, XYSeriesCollection data) {
        JFreeChart chart = line(title, x, y, data, true);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int i = 0; i < 3 * PALETTE.length; i++) {
            boolean perBatch = i % 3 == 0;
            renderer.setSeriesShapesVisible(i, !perBatch);
            renderer.setSeriesStroke(i, new BasicStroke(perBatch ? 1.2f : 2.2f));
            // Per epoch in the run's accuracy colours (train, validation); per batch a paler train colour.
            Color trainColour = PALETTE[(i / 3 * 2) % PALETTE.length];
            renderer.setSeriesPaint(i, perBatch ? blend(trainColour, Color.LIGHT_GRAY, 0.45)
                    : PALETTE[(i / 3 * 2 + i % 3 - 1) % PALETTE.length]);
        }
        return chart;
    }

    /** Follows the current FlatLaf theme (light or dark). */
    public static void theme(JFreeChart chart) {
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        Color grid = UIManager.getColor("Separator.foreground");
        if (bg == null || fg == null) return;
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(bg);
        chart.getTitle().setPaint(fg);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(bg.darker().equals(bg) ? bg : blend(bg, fg, 0.04));
        plot.setDomainGridlinePaint(grid == null ? Color.GRAY : grid);
        plot.setRangeGridlinePaint(grid == null ? Color.GRAY : grid);
        // JFreeChart's default gridlines are dashed; dashing anti-aliased lines was most of the EDT's 600 ms first
        // paint of the Train tab on a loaded machine (sampled in DesktopAppGuiTest: Marlin's Dasher).
        plot.setDomainGridlineStroke(GRIDLINE);
        plot.setRangeGridlineStroke(GRIDLINE);
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(fg);
            axis.setTickLabelPaint(fg);
            axis.setAxisLinePaint(fg);
        }
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    public static ChartPanel panel(JFreeChart chart) {
        ChartPanel panel = new ChartPanel(chart, false, true, false, true, true);
        panel.setMouseWheelEnabled(true);
        return panel;
    }

    public static void exportPng(JFreeChart chart, File file, int w, int h) throws IOException {
        AtomicWrite.writeAt(file.toPath(), temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, w, h));
    }

    /** Draws {@code chart} into an image: on the EDT, where the chart lives; writing it is for a worker ({@link #writePng}). */
    public static java.awt.image.BufferedImage render(JFreeChart chart, int w, int h) {
        return chart.createBufferedImage(w, h);
    }

    /** PNG encoding takes hundreds of milliseconds for a chart: never on the EDT. */
    public static void writePng(java.awt.image.BufferedImage image, File file) throws IOException {
        AtomicWrite.writeAt(file.toPath(), temp -> {
            try (var out = java.nio.file.Files.newOutputStream(temp)) {
                ChartUtils.writeBufferedImageAsPNG(out, image);
            }
        });
    }
}
