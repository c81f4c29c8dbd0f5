package digitloop.cli;

import digitloop.files.AtomicWrite;
import digitloop.hitl.AlCurveTable;
import digitloop.hitl.HitlReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
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

    /**
     * Test accuracy against labels: mean over seeds with a min-max band, one series per run. Two panels share
     * the label axis: the whole climb below, and above it 90-100 %, where the strategies part and the targets sit.
     */
    static void alCurve(List<AlCurveTable.Curve> curves, Path png) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<String> runs = new ArrayList<>();
        for (AlCurveTable.Curve c : curves) {
            YIntervalSeries series = new YIntervalSeries(c.run() + " (" + c.seeds() + (c.seeds() == 1 ? " seed)" : " seeds)"));
            for (AlCurveTable.Point p : c.points()) series.add(p.labels(), p.mean() * 100, p.min() * 100, p.max() * 100);
            data.addSeries(series);
            runs.add(c.run());
        }
        NumberAxis labels = new NumberAxis("labelled images");
        labels.setRange(0, 1000);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(labels);
        plot.setGap(12);
        XYPlot close = panel(data, runs, 90, 100, "test accuracy, 90-100 %");
        close.addRangeMarker(new ValueMarker(95, new Color(0x999999), new BasicStroke(1f)));
        ((NumberAxis) close.getRangeAxis()).setTickUnit(new NumberTickUnit(1));
        XYPlot whole = panel(data, runs, 50, 100, "test accuracy (%)");
        plot.add(close, 3);
        plot.add(whole, 2);
        // Both panels would list every run; one legend is enough.
        plot.setFixedLegendItems(close.getLegendItems());
        JFreeChart chart = new JFreeChart("Active learning on MNIST (Gal et al. 2017 protocol): mean and min-max over seeds",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 18));
        save(chart, png, 1000, 760);
    }

    private static XYPlot panel(YIntervalSeriesCollection data, List<String> runs, double low, double high, String label) {
        NumberAxis y = new NumberAxis(label);
        y.setRange(low, high);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < runs.size(); i++) {
            Color colour = colourOf(runs.get(i));
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            // The wrong oracle is the same strategy with worse answers: same colour, dashed.
            if (runs.get(i).contains("oracle")) {
                renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        }
        renderer.setAlpha(0.15f);
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        return plot;
    }

    /** A colour per strategy, so a run keeps its colour however many of the others have CSVs yet. */
    private static Color colourOf(String run) {
        String strategy = run.replaceAll("-oracle.*", "");
        return switch (strategy) {
            case "random" -> new Color(0x4D4D4D);
            case "entropy" -> new Color(0xDD8452);
            case "margin" -> new Color(0x55A868);
            case "bald" -> new Color(0x4C72B0);
            case "variation_ratios" -> new Color(0x8172B3);
            case "least_confidence" -> new Color(0xC44E52);
            default -> new Color(0x937860);
        };
    }

    private static void save(JFreeChart chart, Path png, int w, int h) throws IOException {
        AtomicWrite.writeAt(png, temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, w, h));
    }
}
