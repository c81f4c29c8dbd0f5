package digitloop.ui;

import digitloop.data.Digits;
import digitloop.model.EvaluationReport;
import digitloop.model.LoadedModel;
import digitloop.model.Scores;
import digitloop.train.Evaluator;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/** The current model on the test set: metrics, per-class table, confusion heat map with a gallery per cell. */
final class ResultsPanel extends JPanel {
    private final Workbench bench;
    private final TaskRunner tasks;
    private final JLabel summary = new JLabel("Evaluating…");
    private final DefaultTableModel perClass = new DefaultTableModel(new Object[] {"digit", "precision", "recall", "F1", "support"}, 0);
    private final ConfusionMatrixView matrix = new ConfusionMatrixView(this::showCell);
    private final JPanel gallery = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
    private final JLabel galleryTitle = new JLabel("Click a cell of the matrix to see its test images.");
    private int[] predicted = new int[0];

    ResultsPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(8, 8));
        this.bench = bench;
        this.tasks = tasks;
        setName("resultsPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        matrix.setName("confusionMatrix");
        gallery.setName("gallery");
        summary.setName("resultsSummary");
        JButton evaluate = new JButton("Evaluate again");
        evaluate.addActionListener(e -> evaluate());
        JPanel top = new JPanel(new BorderLayout());
        top.add(summary, BorderLayout.CENTER);
        top.add(evaluate, BorderLayout.EAST);

        JTable table = new JTable(perClass);
        table.setEnabled(false);
        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setPreferredSize(new Dimension(340, 260));
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(tableScroll, BorderLayout.NORTH);
        left.add(matrix, BorderLayout.CENTER);

        JPanel right = new JPanel(new BorderLayout(0, 6));
        right.add(galleryTitle, BorderLayout.NORTH);
        right.add(new JScrollPane(gallery), BorderLayout.CENTER);

        JTabbedPane views = new JTabbedPane();
        views.addTab("Confusion matrix", new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right));
        views.addTab("Experiment charts", progressBrowser());
        add(top, BorderLayout.NORTH);
        add(views, BorderLayout.CENTER);
        bench.onModelChange(m -> evaluate());
    }

    void evaluate() {
        LoadedModel model = bench.model();
        if (model == null) return;
        summary.setText("Evaluating " + model.file() + " on the test set…");
        tasks.run("Evaluating on 10,000 test images", ctx -> {
            Digits test = model.metadata().degradation().apply(bench.test());
            Scores scores = model.classifier().score(test);
            return new Object[] {scores, Evaluator.report(scores, test.labels())};
        }, result -> show((Scores) result[0], (EvaluationReport) result[1], model), e -> Dialogs.error(this, "Evaluation failed", e));
    }

    private void show(Scores scores, EvaluationReport report, LoadedModel model) {
        predicted = new int[scores.size()];
        for (int i = 0; i < predicted.length; i++) predicted[i] = scores.argmax(i);
        summary.setText(String.format(Locale.ROOT, "<html><b>%s</b> (%s, %s): accuracy <b>%.2f %%</b>, macro-F1 %.4f on %,d test images</html>",
                model.file() == null ? model.metadata().name() : model.file(), model.metadata().architecture().describe(),
                model.metadata().degradation().label(), report.accuracy() * 100, report.macroF1(), report.count()));
        perClass.setRowCount(0);
        for (int c = 0; c < 10; c++) {
            perClass.addRow(new Object[] {c, fmt(report.precision()[c]), fmt(report.recall()[c]), fmt(report.f1()[c]), report.support()[c]});
        }
        matrix.setMatrix(report.confusion());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private void showCell(int actual, int predictedDigit) {
        gallery.removeAll();
        Digits test = bench.test();
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (test.label(i) == actual && predicted[i] == predictedDigit) hits.add(i);
        }
        int shown = Math.min(hits.size(), 200);
        for (int k = 0; k < shown; k++) {
            DigitImage image = new DigitImage(64);
            image.setPixels(test.image(hits.get(k)));
            image.setFrame(actual == predictedDigit ? new Color(0x2E8B57) : new Color(0xC0392B));
            image.setToolTipText("test image " + hits.get(k));
            gallery.add(image);
        }
        gallery.setPreferredSize(new Dimension(420, ((shown + 5) / 6) * 70 + 10));
        galleryTitle.setText(String.format(Locale.ROOT, "Actual %d, predicted %d: %d test images%s", actual, predictedDigit, hits.size(),
                shown < hits.size() ? " (first " + shown + " shown)" : ""));
        gallery.revalidate();
        gallery.repaint();
    }

    int galleryCount() { return gallery.getComponentCount(); }

    ConfusionMatrixView matrix() { return matrix; }

    private JPanel progressBrowser() {
        JPanel panel = new JPanel(new BorderLayout(8, 8));
        List<Path> charts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("training_progress"))) {
            files.filter(p -> p.toString().endsWith(".png")).sorted().forEach(charts::add);
        } catch (IOException e) {
            // No experiments run yet.
        }
        JList<Path> list = new JList<>(charts.toArray(new Path[0]));
        JLabel image = new JLabel(charts.isEmpty() ? "No charts yet: run ./digitloop experiment seed000" : "", JLabel.CENTER);
        list.addListSelectionListener(e -> {
            Path p = list.getSelectedValue();
            if (p == null) return;
            try {
                image.setIcon(new ImageIcon(ImageIO.read(p.toFile())));
            } catch (IOException ex) {
                image.setText("Cannot read " + p);
            }
        });
        if (!charts.isEmpty()) list.setSelectedIndex(0);
        JPanel listPanel = new JPanel(new GridLayout(1, 1));
        listPanel.add(new JScrollPane(list));
        listPanel.setPreferredSize(new Dimension(260, 400));
        panel.add(listPanel, BorderLayout.WEST);
        panel.add(new JScrollPane(image), BorderLayout.CENTER);
        return panel;
    }
}
