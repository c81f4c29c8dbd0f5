package digitloop.ui;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;

/** Draw a digit, see the model read it live: probabilities, the 28x28 input it sees, and "not sure". */
final class DrawPanel extends JPanel {
    private final Workbench bench;
    private final TaskRunner tasks;
    private final AppPrefs prefs;
    private final DrawingCanvas canvas = new DrawingCanvas(this::drawingChanged);
    private final CanvasPredictor predictor = new CanvasPredictor();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final DigitImage preview = new DigitImage(140);
    private final JLabel answer = new JLabel(" ");
    private final JLabel detail = new JLabel(" ");
    private final JComboBox<String> models = new JComboBox<>();
    private float[] lastInput;
    private Prediction last = Prediction.blank();

    DrawPanel(Workbench bench, TaskRunner tasks, AppPrefs prefs) {
        super(new BorderLayout(12, 12));
        this.bench = bench;
        this.tasks = tasks;
        this.prefs = prefs;
        setName("drawPanel");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        canvas.setName("canvas");
        bars.setName("drawBars");
        preview.setName("drawPreview");
        answer.setName("drawAnswer");
        detail.setName("drawDetail");
        models.setName("modelSelector");
        answer.setFont(answer.getFont().deriveFont(Font.BOLD, 40f));

        JPanel tools = new JPanel(new java.awt.GridLayout(2, 1, 0, 4));
        JPanel toolRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        JPanel modelRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        tools.add(toolRow);
        tools.add(modelRow);
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
        JButton teach = new JButton("Wrong? Teach it…");
        teach.setName("teachButton");
        teach.addActionListener(e -> teach());
        toolRow.add(pen);
        toolRow.add(eraser);
        toolRow.add(clear);
        toolRow.add(teach);
        modelRow.add(new JLabel("Model:"));
        modelRow.add(models);
        refreshModels();
        models.addActionListener(e -> loadSelectedModel());

        JPanel page = new JPanel(new BorderLayout(0, 8));
        page.add(new JLabel("Draw a digit (pen fits MNIST's stroke width)"), BorderLayout.NORTH);
        page.add(canvas, BorderLayout.CENTER);
        page.add(tools, BorderLayout.SOUTH);
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        left.add(page);

        JPanel right = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(4, 4, 4, 4);
        right.add(new JLabel("Answer"), c);
        right.add(answer, c);
        right.add(detail, c);
        right.add(new JLabel("Probabilities"), c);
        c.fill = GridBagConstraints.HORIZONTAL;
        right.add(bars, c);
        c.fill = GridBagConstraints.NONE;
        right.add(new JLabel("What the model sees (28x28)"), c);
        right.add(preview, c);

        right.setBorder(BorderFactory.createEmptyBorder(0, 24, 0, 0));
        JPanel rightTop = new JPanel(new BorderLayout());
        rightTop.add(right, BorderLayout.NORTH);
        add(left, BorderLayout.WEST);
        add(rightTop, BorderLayout.CENTER);
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "clear");
        getActionMap().put("clear", new AbstractAction() {
            @Override public void actionPerformed(ActionEvent e) {
                if (isShowing()) canvas.clear();
            }
        });
        bench.onModelChange(m -> drawingChanged());
    }

    private void refreshModels() {
        models.removeAllItems();
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            files.filter(p -> p.toString().endsWith(".zip")).sorted().forEach(p -> models.addItem(p.toString()));
        } catch (IOException e) {
            // No models/ folder: the selector stays empty.
        }
        if (bench.model() != null && bench.model().file() != null) models.setSelectedItem(bench.model().file().toString());
    }

    private void loadSelectedModel() {
        String selected = (String) models.getSelectedItem();
        if (selected == null || bench.model() == null || Path.of(selected).equals(bench.model().file())) return;
        tasks.run("Loading " + selected, ctx -> ModelFile.load(Path.of(selected)), (LoadedModel m) -> {
            prefs.setLastModel(selected);
            bench.setModel(m);
        }, e -> Dialogs.error(this, "Could not open the model", e));
    }

    private void drawingChanged() {
        if (bench.model() == null) return;
        if (canvas.isEmpty()) {
            show(new CanvasPredictor.Result(Prediction.blank(), null, 0));
            return;
        }
        predictor.submit(canvas.snapshot(), bench.model().classifier(), this::show);
    }

    private void show(CanvasPredictor.Result r) {
        last = r.prediction();
        lastInput = r.input28();
        Prediction p = r.prediction();
        bars.setProbabilities(p.probabilities(), p.verdict() == Prediction.Verdict.BLANK ? -1 : p.bestGuess());
        preview.setPixels(r.input28());
        switch (p.verdict()) {
            case ANSWERED -> answer.setText(String.valueOf(p.label()));
            case BLANK -> answer.setText(" ");
            default -> answer.setText("not sure");
        }
        detail.setText(p.verdict() == Prediction.Verdict.BLANK ? "Draw a digit on the page."
                : String.format(Locale.ROOT, "%s · best guess %d (%.1f %%) · %.1f ms", p.verdict().text(), p.bestGuess(),
                        p.probability() * 100, r.millis()));
    }

    private void teach() {
        if (lastInput == null) {
            JOptionPane.showMessageDialog(this, "Draw a digit first.", "Teach", JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        String[] digits = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        Object choice = JOptionPane.showInputDialog(this, "Which digit did you draw?", "Teach the model",
                JOptionPane.QUESTION_MESSAGE, null, digits, digits[last.bestGuess()]);
        if (choice == null) return;
        try {
            bench.journal().teachDrawing(lastInput, Integer.parseInt((String) choice), last.bestGuess(), last.probability());
            detail.setText("Saved as a training sample labelled " + choice + "; it is used at the next retrain (Review tab).");
        } catch (IOException e) {
            Dialogs.error(this, "Could not save the drawing to the label journal", e);
        }
    }
}
