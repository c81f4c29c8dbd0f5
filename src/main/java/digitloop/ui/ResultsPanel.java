package digitloop.ui;

import digitloop.canvas.ImageFolderReader;
import digitloop.data.Digits;
import digitloop.data.FolderImages;
import digitloop.train.FolderEvaluation;
import digitloop.train.NotSureReport;
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
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/**
 * The current model on the test set, or on a labelled folder of the person's own images: metrics,
 * per-class table, confusion heat map with a gallery per cell; for a folder also what "not sure" did.
 */
final class ResultsPanel extends JPanel {
    private final Workbench bench;
    private final TaskRunner tasks;
    private final JLabel summary = new JLabel("Evaluating…");
    private final DefaultTableModel perClass = new DefaultTableModel(new Object[] {"digit", "precision", "recall", "F1", "support"}, 0);
    private final ConfusionMatrixView matrix = new ConfusionMatrixView(this::showCell);
    private final JPanel gallery = new JPanel(new GridLayout(0, 6, 6, 6));
    private final JScrollPane galleryScroll = new JScrollPane(gallery);
    private Scores scores;
    private final JLabel galleryTitle = new JLabel("Click a cell of the matrix to see its test images.");
    private int[] predicted = new int[0];
    /** The labelled folder shown instead of the test set, or null for the test set. */
    private FolderImages folder;
    /** The images of the matrix's rows: the test set's, or the folder's digits. */
    private Digits shown;
    private final JButton testSet = new JButton("MNIST test set");
    static final int GALLERY_LIMIT = 240;
    static final int THUMB = 64;
    static final Color RIGHT = new Color(0x2E8B57);
    static final Color WRONG = new Color(0xC0392B);

    ResultsPanel(Workbench bench, TaskRunner tasks) {
        super(new BorderLayout(8, 8));
        this.bench = bench;
        this.tasks = tasks;
        setName("resultsPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        matrix.setName("confusionMatrix");
        gallery.setName("gallery");
        summary.setName("resultsSummary");
        JButton evaluate = new JButton("Evaluate again (F5)");
        evaluate.addActionListener(e -> evaluateAgain());
        JButton openFolder = new JButton("Labelled folder…");
        openFolder.setName("labelledFolderButton");
        openFolder.setToolTipText("Show the current model on a folder of your own images: subfolders 0 … 9 (and not-a-digit), "
                + "or a labels.csv of file,label lines");
        openFolder.addActionListener(e -> chooseFolder());
        testSet.setName("testSetButton");
        testSet.setEnabled(false);
        testSet.addActionListener(e -> showTestSet());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(openFolder);
        buttons.add(testSet);
        buttons.add(evaluate);
        JPanel top = new JPanel(new BorderLayout());
        top.add(summary, BorderLayout.CENTER);
        top.add(buttons, BorderLayout.EAST);

        JTable table = new JTable(perClass);
        table.setEnabled(false);
        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setPreferredSize(new Dimension(340, 260));
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(tableScroll, BorderLayout.NORTH);
        left.add(matrix, BorderLayout.CENTER);

        JPanel right = new JPanel(new BorderLayout(0, 6));
        right.add(galleryTitle, BorderLayout.NORTH);
        JPanel galleryTop = new JPanel(new BorderLayout());
        galleryTop.add(gallery, BorderLayout.NORTH);
        galleryScroll.setViewportView(galleryTop);
        galleryScroll.getVerticalScrollBar().setUnitIncrement(24);
        right.add(galleryScroll, BorderLayout.CENTER);

        JTabbedPane views = new JTabbedPane();
        views.addTab("Confusion matrix", new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right));
        views.addTab("Experiment charts", new ChartBrowser(bench.workspace().progressCharts(), tasks));
        add(top, BorderLayout.NORTH);
        add(views, BorderLayout.CENTER);
        bench.onModelChange(m -> evaluate());
        // The window's first paint goes first: scoring 10,000 images beside it kept both cores (and the X
        // server) so busy that the first paint held the EDT 300-360 ms on this 2-core machine.
        javax.swing.Timer later = new javax.swing.Timer(FIRST_EVALUATION_DELAY_MS, e -> evaluate());
        later.setRepeats(false);
        later.start();
    }

    static final int FIRST_EVALUATION_DELAY_MS = 750;

    /** Shows the current model on the test set: from this session's measurement of it, else scored on a worker. */
    void evaluate() {
        LoadedModel model = bench.model();
        if (model == null) {
            summary.setText("No model yet: train one in the Train tab, or open one (Ctrl+O).");
            return;
        }
        if (folder != null) {
            measureFolder(model, folder.folder());
            return;
        }
        TestEvaluation known = bench.evaluationOf(model);
        if (known != null) {
            show(bench.test(), known.scores(), known.report(), model);
            return;
        }
        measure(model);
    }

    /** Scores the current model again even if it was measured before (F5). */
    void evaluateAgain() {
        if (bench.model() == null) return;
        if (folder != null) measureFolder(bench.model(), folder.folder());
        else measure(bench.model());
    }

    private void chooseFolder() {
        if (bench.model() == null) {
            Dialogs.info(this, "No model", "There is no model to evaluate yet: train one in the Train tab, or open one (Ctrl+O).");
            return;
        }
        JFileChooser chooser = new JFileChooser(folder != null ? folder.folder().toFile() : Path.of("").toAbsolutePath().toFile());
        chooser.setDialogTitle("A labelled folder: subfolders 0 … 9 (and not-a-digit), or a labels.csv beside the images");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) showFolder(chooser.getSelectedFile().toPath());
    }

    /** Reads {@code dir} and scores it with the current model on a worker, then shows it in place of the test set. */
    void showFolder(Path dir) {
        if (bench.model() != null) measureFolder(bench.model(), dir);
    }

    /** Back to the test set (the button beside Labelled folder…). */
    void showTestSet() {
        folder = null;
        testSet.setEnabled(false);
        evaluate();
    }

    private void measureFolder(LoadedModel model, Path dir) {
        summary.setText("Evaluating " + name(model) + " on " + dir + "…");
        var classifier = bench.classifier();
        // The folder is read again each time: the person may have added or moved images since.
        tasks.run("Evaluating on " + dir.getFileName(), ctx -> {
            FolderImages images = ImageFolderReader.readLabelled(dir, ctx.cancellation(), ctx.part(0, 0.6));
            return FolderEvaluation.of(classifier, model.metadata().degradation(), images, ctx.cancellation(), ctx.part(0.6, 1));
        }, result -> {
            folder = result.images();
            testSet.setEnabled(true);
            if (bench.model() == model) showFolderResult(result, model);
        }, e -> {
            if (e instanceof CancellationException) {
                summary.setText("Evaluation cancelled.");
                return;
            }
            summary.setText(folder == null ? "Evaluation failed." : "Evaluation of " + dir + " failed.");
            Dialogs.error(this, "Could not evaluate on " + dir.getFileName(), e);
        });
    }

    private void showFolderResult(FolderEvaluation result, LoadedModel model) {
        FolderImages images = result.images();
        show(images.digits(), result.digitScores(), result.report(), model);
        NotSureReport n = result.notSure();
        String skipped = images.skipped().isEmpty() ? "" : String.format(Locale.ROOT, "; %d file%s left out (first: %s, %s)",
                images.skipped().size(), images.skipped().size() == 1 ? "" : "s", Dialogs.escape(images.name(images.skipped().get(0).file())),
                Dialogs.escape(images.skipped().get(0).reason()));
        summary.setText(String.format(Locale.ROOT, "<html><b>%s</b> on <b>%s</b>: accuracy <b>%.2f %%</b>, macro-F1 %.4f on %,d digit images"
                        + "<br>not sure: answered %.1f %% of the digits, %.2f %% of those right; %s%s</html>",
                Dialogs.escape(name(model)), Dialogs.escape(images.folder().toString()), result.report().accuracy() * 100,
                result.report().macroF1(), result.report().count(), n.answeredShare() * 100, n.accuracyAnswered() * 100,
                n.nonDigits() == 0 ? "no not-a-digit images"
                        : String.format(Locale.ROOT, "rejected %.1f %% of %d not-a-digit images", n.rejectedShare() * 100, n.nonDigits()),
                skipped));
    }

    private void measure(LoadedModel model) {
        summary.setText("Evaluating " + name(model) + " on the test set…");
        var classifier = bench.classifier();
        tasks.run("Evaluating on " + String.format(Locale.ROOT, "%,d", bench.test().size()) + " test images", ctx -> {
            Digits test = model.metadata().degradation().apply(bench.test());
            Scores scores = classifier.score(test, ctx.cancellation());
            return new TestEvaluation(scores, Evaluator.report(scores, test.labels()));
        }, result -> {
            bench.rememberEvaluation(model, result);
            // A newer model may have arrived while this one was scored, or a folder been chosen.
            if (bench.model() == model && folder == null) show(bench.test(), result.scores(), result.report(), model);
        }, e -> {
            if (e instanceof CancellationException) {
                summary.setText("Evaluation cancelled.");
                return;
            }
            summary.setText("Evaluation failed.");
            Dialogs.error(this, "Evaluation failed", e);
        });
    }

    private static String name(LoadedModel model) {
        return model.file() == null ? model.metadata().name() + " (not saved)" : model.file().toString();
    }

    boolean evaluated() { return predicted.length > 0; }

    private void show(Digits digits, Scores scores, EvaluationReport report, LoadedModel model) {
        this.scores = scores;
        this.shown = digits;
        gallery.removeAll();
        gallery.revalidate();
        galleryTitle.setText("Click a cell of the matrix to see its " + imagesWord() + ": green frames read right, red wrong.");
        predicted = scores.predictions();
        summary.setText(String.format(Locale.ROOT, "<html><b>%s</b> (%s, %s): accuracy <b>%.2f %%</b>, macro-F1 %.4f on %,d test images</html>",
                name(model), model.metadata().architecture().describe(),
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
        if (scores == null) return;
        gallery.removeAll();
        Digits test = shown;
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            if (test.label(i) == actual && predicted[i] == predictedDigit) hits.add(i);
        }
        int count = Math.min(hits.size(), GALLERY_LIMIT);
        int columns = Math.max(1, (galleryScroll.getViewport().getWidth() - 8) / (THUMB + 6));
        ((GridLayout) gallery.getLayout()).setColumns(columns);
        Color frame = actual == predictedDigit ? RIGHT : WRONG;
        for (int k = 0; k < count; k++) {
            int i = hits.get(k);
            DigitImage image = new DigitImage(THUMB);
            image.setPixels(test.image(i));
            image.setFrame(frame);
            String what = folder != null && shown == folder.digits() ? folder.name(folder.digitFiles().get(i)) : "test image " + test.id(i);
            image.setToolTipText(String.format(Locale.ROOT, "%s: a %d, read as %d at %.1f %%", what, actual,
                    predictedDigit, scores.probabilities()[i][predictedDigit] * 100));
            gallery.add(image);
        }
        galleryTitle.setText(String.format(Locale.ROOT, "Actual %d, read as %d: %,d %s%s", actual, predictedDigit, hits.size(),
                hits.size() == 1 ? imagesWord().replaceFirst("s$", "") : imagesWord(),
                count < hits.size() ? " (the first " + count + " shown)" : ""));
        gallery.revalidate();
        gallery.repaint();
    }

    private String imagesWord() {
        return folder != null && shown == folder.digits() ? "images" : "test images";
    }

    int galleryCount() { return gallery.getComponentCount(); }

    /** The folder shown instead of the test set, or null. */
    FolderImages folder() { return folder; }

    String summaryText() { return summary.getText(); }

    /** The distinct frame colours in the gallery. */
    List<Color> galleryFrames() {
        return java.util.Arrays.stream(gallery.getComponents()).map(c -> ((DigitImage) c).frame()).distinct().toList();
    }

    ConfusionMatrixView matrix() { return matrix; }
}
