package digitloop.ui;

import digitloop.hitl.HitlIteration;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Test accuracy of the current model per decided round, against the random-label baseline of each round. */
final class HitlProgressView extends JPanel {
    private final XYSeries withLabels = new XYSeries("with your labels");
    private final XYSeries atRandom = new XYSeries("as many random labels");
    private final List<HitlIteration> iterations = new ArrayList<>();

    HitlProgressView() {
        super(new BorderLayout(0, 6));
        setName("hitlProgress");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(withLabels);
        data.addSeries(atRandom);
        JFreeChart chart = Charts.line("Test accuracy per round", "labels given", "accuracy (%)", data, true);
        chart.getXYPlot().setNoDataMessage("No retrain yet");
        // Before the first round the axis has nothing to fit; in percent it should not read 0–1.
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setDefaultAutoRange(new org.jfree.data.Range(90, 100));
        add(Charts.panel(chart), BorderLayout.CENTER);
        setPreferredSize(new Dimension(440, 236));
    }

    /** On the EDT, when a round's result is shown; {@code before} is the test accuracy of the model it started from. */
    void add(HitlIteration it, double before) {
        if (iterations.isEmpty()) withLabels.add(0, before * 100);
        iterations.add(it);
        withLabels.addOrUpdate(it.labelsGiven(), it.testAccuracy() * 100);
    }

    /** The baseline of a round arrives after its result. */
    void baseline(int labels, double accuracy, double before) {
        if (atRandom.getItemCount() == 0) atRandom.add(0, before * 100);
        atRandom.addOrUpdate(labels, accuracy * 100);
        for (int i = 0; i < iterations.size(); i++) {
            HitlIteration it = iterations.get(i);
            if (it.labelsGiven() == labels) {
                iterations.set(i, new HitlIteration(it.iteration(), it.labelsGiven(), it.corrections(), it.testAccuracy(), accuracy,
                        it.gainSinceStart()));
            }
        }
    }

    List<HitlIteration> iterations() { return List.copyOf(iterations); }
}
