package digitloop.ui;

import digitloop.hitl.HitlIteration;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Before and after the last retrain, and test accuracy per retrain against the random-label baseline. */
final class HitlProgressView extends JPanel {
    private final XYSeries withLabels = new XYSeries("with your labels");
    private final XYSeries atRandom = new XYSeries("as many random labels");
    private final JLabel beforeAfter = new JLabel("Retrain (Ctrl+R) to see what your labels bought.");
    private final List<HitlIteration> iterations = new ArrayList<>();

    HitlProgressView() {
        super(new BorderLayout(0, 6));
        setName("hitlProgress");
        beforeAfter.setName("beforeAfter");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(withLabels);
        data.addSeries(atRandom);
        JFreeChart chart = Charts.line("Test accuracy per retrain", "labels given", "accuracy (%)", data, true);
        chart.getXYPlot().setNoDataMessage("No retrain yet");
        add(beforeAfter, BorderLayout.NORTH);
        add(Charts.panel(chart), BorderLayout.CENTER);
        setPreferredSize(new Dimension(600, 260));
    }

    /** On the EDT, after a retrain; {@code before} is the test accuracy of the model it started from. */
    void add(HitlIteration it, double before) {
        if (iterations.isEmpty()) {
            withLabels.add(0, before * 100);
            atRandom.add(0, before * 100);
        }
        iterations.add(it);
        withLabels.addOrUpdate(it.labelsGiven(), it.testAccuracy() * 100);
        atRandom.addOrUpdate(it.labelsGiven(), it.randomBaselineAccuracy() * 100);
        beforeAfter.setText(String.format(Locale.ROOT, "<html>Retrain %d: before <b>%.2f %%</b> → after <b>%.2f %%</b> (%+.2f points) with "
                + "%d labels, %d of them corrections of the model. The same number of random labels gave <b>%.2f %%</b>. "
                + "Since the first retrain: %+.2f points.</html>", it.iteration(), before * 100, it.testAccuracy() * 100,
                (it.testAccuracy() - before) * 100, it.labelsGiven(), it.corrections(), it.randomBaselineAccuracy() * 100,
                it.gainSinceStart() * 100));
    }

    List<HitlIteration> iterations() { return List.copyOf(iterations); }

    String summary() { return beforeAfter.getText(); }
}
