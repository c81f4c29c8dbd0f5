package digitloop.ui;

import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import digitloop.canvas.NumberReader;
import digitloop.canvas.NumberReading;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.model.Prediction;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;

/**
 * Draw a digit and see the model read it live: probabilities, the 28x28 input it sees, the answer or
 * "not sure". With "Several digits" on, a number written in a row on a wider page is read digit by
 * digit: boxes on the canvas, the number in large type ({@link NumberView}).
 */
final class DrawPanel extends JPanel {
    /** One reading of the canvas: what the model saw, what it said, and how long that took. */
    record Reading(Prediction prediction, float[] input28, double computeMillis) {
    }

    private final Workbench bench;
    private final TaskRunner tasks;
    private final Consumer<LoadedModel> useModel;
    private final DrawingCanvas canvas = new DrawingCanvas(this::drawingChanged);
    private final TaskRunner.Latest<Reading> reader;
    private final TaskRunner.Latest<NumberReading> numberReader;
    private final ReadingBoxes boxes = new ReadingBoxes();
    private final NumberView numberView = new NumberView();
    private final JCheckBox several = new JCheckBox("Several digits");
    private final JLabel hint = new JLabel();
    private final JPanel reading;
    private final JPanel seen;
    private final ProbabilityBars bars = new ProbabilityBars();
    private final DigitImage preview = new DigitImage(168);
    private final JLabel answer = new JLabel("–");
    /** Never wider than the column: a long line here made the grid fall back to minimum sizes and hid the bars and the preview. */
    private final JLabel detail = new JLabel(" ") {
        @Override public java.awt.Dimension getPreferredSize() {
            java.awt.Dimension d = super.getPreferredSize();
            return new java.awt.Dimension(Math.min(d.width, DETAIL_WIDTH), d.height);
        }
    };
    private static final int DETAIL_WIDTH = 460;
    private final JLabel timing = new JLabel(" ");
    private final JButton teach = new JButton("Wrong? Teach it…");
    private final JButton adapt = new JButton("Adapt to my handwriting…");
    private final JComboBox<String> models = new JComboBox<>();
    private final List<Double> computeMillis = new ArrayList<>();
    private final List<Double> endToEndMillis = new ArrayList<>();
    private final CanvasClassifier own = new CanvasClassifier();
    private boolean refreshing;
    /** Readings asked for and the newest one on screen, to tell when the screen is up to date. */
    private long asked;
    private long shown;
    private Reading last;

    DrawPanel(Workbench bench, TaskRunner tasks, Consumer<LoadedModel> useModel) {
        super(new BorderLayout());
        this.bench = bench;
        this.tasks = tasks;
        this.useModel = useModel;
        this.reader = tasks.latest();
        // The same live lane as one digit: one worker, so the two kinds of reading arrive in the order asked.
        this.numberReader = tasks.latest();
        setName("drawPanel");
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        canvas.setName("canvas");
        bars.setName("drawBars");
        preview.setName("drawPreview");
        answer.setName("drawAnswer");
        detail.setName("drawDetail");
        timing.setName("drawTiming");
        models.setName("modelSelector");
        teach.setName("teachButton");
        adapt.setName("adaptButton");
        adapt.setToolTipText("Fine-tune the model on the digits you taught here, a fifth held back to show what it gained");
        adapt.addActionListener(e -> HandwritingAdaptationDialog.start(this, bench, tasks, useModel));
        several.setName("severalDigits");
        several.setMnemonic(KeyEvent.VK_S);
        several.setToolTipText("Write a number in a row on a wider page; each digit gets its box (Alt+S)");
        several.addActionListener(e -> setSeveral(several.isSelected()));
        numberView.setVisible(false);
        answer.setFont(answer.getFont().deriveFont(Font.BOLD, 56f));
        teach.setEnabled(false);

        JToggleButton pen = new JToggleButton("Pen", true);
        JToggleButton eraser = new JToggleButton("Eraser");
        ButtonGroup group = new ButtonGroup();
        group.add(pen);
        group.add(eraser);
        pen.addActionListener(e -> canvas.setErasing(false));
        eraser.addActionListener(e -> canvas.setErasing(true));
        JButton clear = new JButton("Clear (Esc)");
        clear.setName("clearButton");
        clear.addActionListener(e -> canvas.clear());
        teach.addActionListener(e -> teach());
        JPanel tools = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        tools.add(pen);
        tools.add(eraser);
        tools.add(clear);
        tools.add(several);
        JPanel modelRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        modelRow.add(new JLabel("Model"));
        modelRow.add(models);
        refreshModels();
        models.addActionListener(e -> loadSelectedModel());
        models.addPopupMenuListener(new PopupMenuListener() {
            @Override public void popupMenuWillBecomeVisible(PopupMenuEvent e) { refreshModels(); }

            @Override public void popupMenuWillBecomeInvisible(PopupMenuEvent e) { }

            @Override public void popupMenuCanceled(PopupMenuEvent e) { }
        });

        hint.setText(SINGLE_HINT);
        JPanel page = column(hint, canvas, tools, modelRow, numberView);
        JPanel teachRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        teachRow.add(teach);
        teachRow.add(javax.swing.Box.createHorizontalStrut(8));
        teachRow.add(adapt);
        reading = column(new JLabel("Answer"), answer, detail, timing, bars, teachRow);
        seen = column(new JLabel("What the model sees (28×28)"), preview,
                new JLabel("<html><body style='width: 170px'>The ink cropped, scaled to 20 px and centred by its mass, "
                        + "as MNIST was made.</body></html>"));
        JPanel row = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(0, 0, 0, 32);
        row.add(page, c);
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        row.add(reading, c);
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        c.insets = new Insets(0, 0, 0, 0);
        row.add(seen, c);
        add(row, BorderLayout.NORTH);

        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "clear");
        getActionMap().put("clear", new AbstractAction() {
            @Override public void actionPerformed(ActionEvent e) {
                if (isShowing()) canvas.clear();
            }
        });
        bench.onModelChange(m -> {
            refreshModels();
            drawingChanged();
        });
        drawingChanged();
    }

    /** Shows a generated digit on the canvas, in single-digit mode, and reads it as if it had been drawn. */
    void showDigit(float[] pixels28) {
        if (several.isSelected()) setSeveral(false);
        canvas.showDigit(pixels28);
    }

    private static final String SINGLE_HINT = "Draw one digit, large, with the mouse";
    private static final String SEVERAL_HINT = "Write a number in a row, each digit large and apart from the next";

    /** Several digits on: a row page, boxes on it, the number below; off: the single digit's page and reading as before. */
    private void setSeveral(boolean on) {
        if (several.isSelected() != on) several.setSelected(on);
        reading.setVisible(!on);
        seen.setVisible(!on);
        numberView.setVisible(on);
        hint.setText(on ? SEVERAL_HINT : SINGLE_HINT);
        boxes.show(null);
        canvas.setOverlay(on ? boxes : DrawingCanvas.Overlay.NONE);
        canvas.setPageWidth(on ? DrawingCanvas.ROW_WIDTH : DrawingCanvas.SIDE);
        revalidate();
        repaint();
        drawingChanged();
    }

    private static JPanel column(JComponent... parts) {
        JPanel p = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(0, 0, 8, 0);
        for (JComponent part : parts) p.add(part, c);
        return p;
    }

    private void refreshModels() {
        refreshing = true;
        try {
            models.removeAllItems();
            for (Path p : EngineLoader.modelFiles(bench.workspace().models())) models.addItem(p.toString());
            LoadedModel m = bench.model();
            if (m != null && m.file() != null) {
                String current = m.file().normalize().toString();
                if (((javax.swing.DefaultComboBoxModel<String>) models.getModel()).getIndexOf(current) < 0) models.addItem(current);
                models.setSelectedItem(current);
            } else if (m != null) {
                models.insertItemAt(m.metadata().name() + " (not saved)", 0);
                models.setSelectedIndex(0);
            }
        } finally {
            refreshing = false;
        }
    }

    private void loadSelectedModel() {
        String selected = (String) models.getSelectedItem();
        if (refreshing || selected == null || selected.endsWith("(not saved)")) return;
        LoadedModel current = bench.model();
        if (current != null && current.file() != null && Path.of(selected).equals(current.file().normalize())) return;
        tasks.run("Loading " + selected, ctx -> ModelFile.load(Path.of(selected)), useModel,
                e -> Dialogs.error(this, "Could not open the model " + selected, e));
    }

    private void drawingChanged() {
        LoadedModel model = bench.model();
        long seq = ++asked;
        if (several.isSelected()) {
            readNumber(model, seq);
            return;
        }
        if (canvas.isEmpty() || model == null) {
            shown = seq;
            show(new Reading(Prediction.blank(), null, 0), 0);
            if (model == null) detail.setText("No model yet: train one in the Train tab.");
            return;
        }
        BufferedImage drawing = canvas.snapshot();
        long when = System.nanoTime();
        reader.submit(ctx -> read(drawing, model), r -> {
            // Asked before a switch to several digits: a reading of the number is on its way.
            if (several.isSelected()) return;
            shown = seq;
            show(r, (System.nanoTime() - when) / 1e6);
        },
                e -> Dialogs.error(this, "The drawing could not be read", e));
    }

    private void readNumber(LoadedModel model, long seq) {
        if (canvas.isEmpty() || model == null) {
            shown = seq;
            showNumber(null, 0);
            return;
        }
        BufferedImage drawing = canvas.snapshot();
        long when = System.nanoTime();
        numberReader.submit(ctx -> new NumberReader(own.of(model)).read(drawing), r -> {
            // Stale: the page was cleared or the mode switched since it was asked for.
            if (!several.isSelected() || seq < shown) return;
            shown = seq;
            showNumber(r, (System.nanoTime() - when) / 1e6);
        }, e -> Dialogs.error(this, "The drawing could not be read", e));
    }

    /** null: nothing to read (a blank page or no model). */
    private void showNumber(NumberReading r, double endToEnd) {
        boxes.show(r);
        canvas.repaint();
        if (r != null) numberView.show(r, endToEnd);
        else numberView.showBlank(bench.model() == null ? "No model yet: train one in the Train tab."
                : "Write a number on the page: no ink, no number.");
    }

    /** On the canvas worker: normalise like MNIST, then predict with the canvas's own copy of the model. */
    private Reading read(BufferedImage drawing, LoadedModel model) {
        long start = System.nanoTime();
        Optional<NormalizedImage> normalized = MnistNormalizer.normalize(drawing);
        if (normalized.isEmpty()) return new Reading(Prediction.blank(), null, (System.nanoTime() - start) / 1e6);
        Prediction p = own.of(model).predict(normalized.get().pixels());
        return new Reading(p, normalized.get().pixels(), (System.nanoTime() - start) / 1e6);
    }

    private void show(Reading r, double endToEnd) {
        // A reading of a drawing since cleared is stale.
        if (canvas.isEmpty() && r.input28() != null) r = new Reading(Prediction.blank(), null, 0);
        last = r;
        Prediction p = r.prediction();
        boolean blank = p.verdict() == Prediction.Verdict.BLANK;
        bars.setProbabilities(blank ? null : p.probabilities(), blank ? -1 : p.bestGuess());
        preview.setPixels(r.input28());
        teach.setEnabled(r.input28() != null);
        switch (p.verdict()) {
            case ANSWERED -> answer.setText(String.valueOf(p.label()));
            case BLANK -> answer.setText("–");
            default -> answer.setText("not sure");
        }
        if (blank) {
            detail.setText("Draw a digit on the page: no ink, no answer.");
            timing.setText(" ");
            return;
        }
        computeMillis.add(r.computeMillis());
        endToEndMillis.add(endToEnd);
        detail.setText(String.format(Locale.ROOT, "%s · best guess %d at %.1f %% (trusted from %.1f %%)",
                p.verdict().text(), p.bestGuess(), p.probability() * 100, bench.model().metadata().trustedThreshold() * 100));
        timing.setText(String.format(Locale.ROOT, "%.1f ms to normalise and predict · %.0f ms from stroke to screen",
                r.computeMillis(), endToEnd));
    }

    private void teach() {
        if (last == null || last.input28() == null) return;
        String[] digits = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        int guess = last.prediction().bestGuess();
        int choice = JOptionPane.showOptionDialog(this, "Which digit did you draw? It goes to the label journal as a new "
                + "training sample, used at the next retrain.", "Teach the model", JOptionPane.DEFAULT_OPTION,
                JOptionPane.QUESTION_MESSAGE, null, digits, digits[guess]);
        if (choice < 0) return;
        float[] pixels = last.input28();
        float p = last.prediction().probability();
        tasks.run(TaskRunner.Lane.JOURNAL, "Saving the drawing", ctx -> bench.journal().teachDrawing(pixels, choice, guess, p),
                e -> {
                    long taught = digitloop.hitl.HandwritingAdaptation.drawingsOf(bench.journal()).size();
                    detail.setText(String.format(Locale.ROOT, "Saved, labelled %d: %d drawing%s taught for Adapt and Retrain", choice, taught,
                            taught == 1 ? "" : "s"));
                },
                e -> Dialogs.error(this, "Could not save the drawing to the label journal", e));
    }

    /** Milliseconds per reading on the worker (normalise + predict) and from stroke to screen, in order. */
    List<Double> computeMillis() { return List.copyOf(computeMillis); }

    List<Double> endToEndMillis() { return List.copyOf(endToEndMillis); }

    DrawingCanvas canvas() { return canvas; }

    boolean severalDigits() { return several.isSelected(); }

    /** The number reading whose boxes are on the canvas, or null. */
    NumberReading numberShown() { return boxes.reading(); }

    NumberView numberView() { return numberView; }

    long readingsShown() { return shown; }

    /** Readings asked for after the one on screen (0: the screen shows the canvas as it is). */
    long pendingReadings() { return asked - shown; }
}
