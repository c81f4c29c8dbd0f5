package digitloop.ui;

import digitloop.files.AtomicWrite;
import digitloop.gan.GanFile;
import digitloop.gan.GanQuality;
import digitloop.gan.GanSpec;
import digitloop.gan.Generator;
import digitloop.gan.SampleGrid;
import digitloop.overlay.DigitGridPicture;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SpinnerNumberModel;
import javax.swing.text.JTextComponent;

/**
 * The Generate tab: a conditional GAN draws 64 digits of the label picked with the buttons or the keys 0-9, from
 * noise of the seed shown; the grid is drawn again at once when label, seed, truncation or "same noise" change.
 * A digit picked in the grid goes to the Draw tab to be classified; the grid exports as a PNG. Below, a generator
 * can be trained ({@link GanTrainingBox}).
 */
final class GeneratePanel extends JPanel {
    static final int COUNT = 64;
    static final int COLUMNS = 8;
    private final TaskRunner tasks;
    private final TaskRunner.Latest<float[]> drawing;
    final JToggleButton[] labels = new JToggleButton[GanSpec.LABELS];
    final JSpinner seed = new JSpinner(new SpinnerNumberModel(1, 0, 1_000_000, 1));
    final JButton newNoise = new JButton("New noise");
    final JCheckBox sameNoise = new JCheckBox("Same noise for every label", true);
    final JSlider truncation = new JSlider(0, 200, 100);
    final JLabel truncationValue = new JLabel("×1.00");
    final JButton export = new JButton("Export PNG…");
    final JButton classify = new JButton("Classify in Draw");
    final JLabel about = new JLabel(" ");
    final DigitGridView grid = new DigitGridView(448, true);
    final GanTrainingBox training;
    private final Random newSeeds = new Random();
    private Generator generator;
    private int label = 0;

    GeneratePanel(Workbench bench, TaskRunner tasks, Consumer<float[]> classifyInDraw) {
        super(new BorderLayout(12, 12));
        this.tasks = tasks;
        this.drawing = tasks.latest();
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        setName("generatePanel");
        grid.setName("ganGrid");
        seed.setName("ganSeed");
        newNoise.setName("ganNewNoise");
        sameNoise.setName("ganSameNoise");
        truncation.setName("ganTruncation");
        export.setName("ganExport");
        classify.setName("ganClassify");
        about.setName("ganAbout");
        JPanel buttons = new JPanel(new GridLayout(1, GanSpec.LABELS, 4, 0));
        ButtonGroup group = new ButtonGroup();
        for (int d = 0; d < GanSpec.LABELS; d++) {
            int digit = d;
            labels[d] = new JToggleButton(String.valueOf(d));
            labels[d].setName("ganLabel" + d);
            labels[d].setToolTipText("Draw " + d + "s (key " + d + ")");
            labels[d].addActionListener(e -> setLabel(digit));
            group.add(labels[d]);
            buttons.add(labels[d]);
            bind(KeyStroke.getKeyStroke((char) ('0' + d)), "ganLabel" + d, () -> setLabel(digit));
            bind(KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + d, 0), "ganPad" + d, () -> setLabel(digit));
        }
        labels[0].setSelected(true);
        truncation.setToolTipText("Scales the noise: to the left more typical digits, to the right more varied ones");
        truncation.setMajorTickSpacing(50);
        truncation.setPaintTicks(true);
        JPanel noise = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        noise.add(new JLabel("Noise seed"));
        noise.add(seed);
        noise.add(newNoise);
        noise.add(sameNoise);
        noise.add(new JLabel("Truncation"));
        noise.add(truncation);
        noise.add(truncationValue);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        actions.add(classify);
        actions.add(export);
        JPanel controls = new JPanel(new GridLayout(4, 1, 0, 6));
        controls.add(buttons);
        controls.add(noise);
        controls.add(actions);
        controls.add(about);
        add(controls, BorderLayout.NORTH);
        add(grid, BorderLayout.CENTER);
        training = new GanTrainingBox(bench, tasks, this::setGenerator);
        add(training, BorderLayout.SOUTH);

        seed.addChangeListener(e -> regenerate());
        sameNoise.addActionListener(e -> regenerate());
        truncation.addChangeListener(e -> {
            truncationValue.setText(String.format(Locale.ROOT, "×%.2f", truncation.getValue() / 100.0));
            regenerate();
        });
        newNoise.addActionListener(e -> seed.setValue(newSeeds.nextInt(1_000_000)));
        export.addActionListener(e -> exportPng());
        classify.addActionListener(e -> {
            float[] digit = grid.selectedDigit();
            if (digit != null) classifyInDraw.accept(digit);
        });
        setGenerator(null);
        Path file = bench.workspace().models().resolve("gan.zip");
        about.setText("Loading the generator " + file + "…");
        tasks.run(TaskRunner.Lane.WORK, "Loading the generator", ctx -> GanFile.load(file), this::setGenerator,
                e -> about.setText("<html>No generator: " + Dialogs.escape(digitloop.task.UserMessages.of(e))
                        + " Train one below, or run <code>./digitloop train-gan --out models/gan.zip</code>.</html>"));
    }

    void setGenerator(GanFile.Loaded loaded) {
        generator = loaded == null ? null : loaded.generator();
        boolean ready = generator != null;
        classify.setEnabled(ready);
        export.setEnabled(ready);
        if (loaded == null) return;
        GanQuality q = loaded.metadata().quality();
        GanSpec spec = loaded.metadata().spec();
        about.setToolTipText(spec.describe());
        about.setText(String.format(Locale.ROOT, "%s: z %d + label embedding %d, %s, %d epochs%s", loaded.file().getFileName(),
                spec.zSize(), spec.embeddingSize(), spec.loss() == digitloop.gan.GanLoss.LEAST_SQUARES ? "LSGAN" : "BCE",
                loaded.metadata().epochs(), q == null ? " (not measured)" : String.format(Locale.ROOT,
                        "; the default CNN reads %.1f %% of its digits as the label asked for (%,d a label)", 100 * q.fidelity(),
                        q.samplesPerLabel())));
        regenerate();
    }

    void setLabel(int digit) {
        label = digit;
        labels[digit].setSelected(true);
        regenerate();
    }

    int label() { return label; }

    boolean hasGenerator() { return generator != null; }

    /** The noise of the grid: with "same noise" one block for every label, else a block of the label's own. */
    private float[] noise(Generator g) {
        long s = ((Integer) seed.getValue()).longValue();
        return g.noise(sameNoise.isSelected() ? s : s * GanSpec.LABELS + label + 1, COUNT);
    }

    void regenerate() {
        Generator g = generator;
        if (g == null) return;
        int[] wanted = new int[COUNT];
        Arrays.fill(wanted, label);
        float[] z = noise(g);
        double t = truncation.getValue() / 100.0;
        drawing.submit(ctx -> g.generate(wanted, z, t), images -> grid.setGrid(SampleGrid.tile(images, COLUMNS)),
                e -> Dialogs.error(this, "The generator could not draw", e));
    }

    private void exportPng() {
        SampleGrid shown = grid.grid();
        if (shown == null) return;
        JFileChooser chooser = new JFileChooser(new File("."));
        chooser.setSelectedFile(new File("generated-" + label + ".png"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        exportPng(chooser.getSelectedFile().toPath(), shown);
    }

    void exportPng(Path file, SampleGrid shown) {
        tasks.run(TaskRunner.Lane.WORK, "Exporting " + file.getFileName(), ctx -> {
            var image = DigitGridPicture.of(shown.pixels(), shown.width(), shown.height(), 4);
            AtomicWrite.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java");
            });
            return file;
        }, f -> about.setText("Exported " + f), e -> Dialogs.error(this, "The grid could not be exported", e));
    }

    private void bind(KeyStroke key, String name, Runnable action) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override public void actionPerformed(ActionEvent e) {
                // Typing a seed into the spinner is not a label.
                boolean typing = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTextComponent;
                if (isShowing() && !typing) action.run();
            }
        });
    }
}
