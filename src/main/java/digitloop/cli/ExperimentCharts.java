package digitloop.cli;

import digitloop.hitl.AlCurveTable;
import digitloop.hitl.HitlReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The experiments' PNG charts, drawn headless with JFreeChart and written with ChartUtils. */
final class ExperimentCharts {
    private ExperimentCharts() {
    }

    /** Accuracy per epoch of the first training, then test accuracy per HITL iteration beside the random baseline. */
    static void hitl(HitlReport report, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (HitlReport.Series s : report.series()) {
            XYSeries series = new XYSeries(s.name());
            for (int i = 0; i < s.x().length; i++) series.add(s.x()[i], s.y()[i]);
            data.addSeries(series);
        }
        int perIteration = report.iterations().isEmpty() ? 0 : report.iterations().get(0).labelsGiven();
        JFreeChart chart = ChartFactory.createXYLineChart(report.name() + ": accuracy per epoch, then per HITL iteration",
                "epochs of the first training, then HITL iterations (" + perIteration + " oracle labels each)", "accuracy (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x4C72B0));
        renderer.setSeriesPaint(1, new Color(0xDD8452));
        renderer.setSeriesPaint(2, new Color(0x8C8C8C));
        renderer.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        save(chart, png, 900, 520);
    }

    /** Test accuracy against labels: mean over seeds with a min-max band, one series per run. */
    static void alCurve(List<AlCurveTable.Curve> curves, Path png) throws IOException {
        java.util.Map<String, double[][]> rows = new java.util.LinkedHashMap<>();
        for (AlCurveTable.Curve c : curves) {
            double[][] r = new double[c.points().size()][];
            for (int i = 0; i < r.length; i++) {
                AlCurveTable.Point p = c.points().get(i);
                r[i] = new double[] {p.labels(), p.mean(), p.min(), p.max()};
            }
            rows.put(c.run() + " (" + c.seeds() + (c.seeds() == 1 ? " seed)" : " seeds)"), r);
        }
        alCurve(rows, png);
    }

    /** Test accuracy against labels, mean with min-max band, one series per strategy. */
    static void alCurve(Map<String, double[][]> curves, Path png) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            YIntervalSeries series = new YIntervalSeries(e.getKey());
            for (double[] row : e.getValue()) series.add(row[0], row[1] * 100, row[2] * 100, row[3] * 100);
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Active learning on MNIST (Gal et al. 2017 protocol): mean and min-max over seeds",
                "labelled images", "test accuracy (%)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color[] colours = {new Color(0x8C8C8C), new Color(0xDD8452), new Color(0x55A868), new Color(0xC44E52), new Color(0x8172B3)};
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesFillPaint(i, colours[i % colours.length]);
        }
        renderer.setAlpha(0.15f);
        plot.setRenderer(renderer);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // 80-100 % is where the strategies differ; a short or early run may sit lower, so widen to show it.
        double low = 80;
        for (double[][] r : curves.values()) for (double[] row : r) low = Math.min(low, Math.floor(row[2] * 100 / 5) * 5);
        y.setRange(low, 100);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        save(chart, png, 1000, 600);
    }

    private static void save(JFreeChart chart, Path png, int w, int h) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Path temp = digitloop.model.AtomicFiles.tempBeside(png);
        try {
            ChartUtils.saveChartAsPNG(temp.toFile(), chart, w, h);
            digitloop.model.AtomicFiles.commit(temp, png);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
