package digitloop.ui;

import digitloop.data.Augmentation;
import digitloop.data.Degradation;
import digitloop.model.ArchitectureSpec;
import digitloop.model.CnnSpec;
import digitloop.model.LeNetSpec;
import digitloop.model.MlpSpec;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingRequest;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import java.util.List;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

/**
 * The Train tab's settings: model and its shape, input degradation, and the training knobs. Its eight
 * spinners are what a cold EDT pays most for (FlatLaf installing their UIs, number formats): the main
 * window builds the form in a few steps, one EDT turn each, so the window keeps painting in between.
 * The fields are set once, while the form is built, and never replaced.
 */
final class TrainSettingsForm extends JPanel {
    JComboBox<String> model;
    JTextField layers;
    JSpinner dropout;
    JComboBox<String> input;
    JSpinner sigma;
    JSpinner epochs;
    JSpinner batch;
    JSpinner learningRate;
    JSpinner seed;
    JSpinner limit;
    JCheckBox augment;
    JCheckBox handwriting;
    /** On the fly, or the set grown once by 1, 2 or 4 copies ({@link Augmentation#copies()}). */
    JComboBox<String> applied;
    static final int[] COPIES = {0, 1, 2, 4};
    final javax.swing.JButton preview = new javax.swing.JButton("Preview…");
    JSpinner nonDigits;

    /** What the form starts from (its fields show it); the settings it has no field for are trained with as they are. */
    private final TrainingRequest defaults;

    /** Builds the whole form at once, from the built-in defaults. */
    TrainSettingsForm() {
        this(null, TrainingRequest.DEFAULT);
    }

    /**
     * With {@code turns} null the form is built at once; otherwise its build steps are appended to
     * {@code turns}, for the caller to run in order, and the form is usable once the last has run.
     * {@code defaults}: the values the fields start with (the built-in defaults, or the configuration files').
     */
    TrainSettingsForm(List<Runnable> turns, TrainingRequest defaults) {
        super(new GridBagLayout());
        this.defaults = defaults;
        TrainingConfig c = defaults.config();
        Degradation d = defaults.degradation();
        List<Runnable> steps = List.of(
                () -> {
                    model = new JComboBox<>(new String[] {"CNN", "MLP", "LeNet"});
                    model.setSelectedItem(modelName(defaults.architecture()));
                    layers = new JTextField(layersText(defaults.architecture()), 10);
                    dropout = new JSpinner(new SpinnerNumberModel(clamp(defaults.architecture().dropout(), 0, 0.95), 0.0, 0.95, 0.05));
                },
                () -> {
                    input = new JComboBox<>(new String[] {"clean", "Gaussian noise", "14x14"});
                    input.setSelectedItem(d.downsample() ? "14x14" : d.noiseSigma() > 0 ? "Gaussian noise" : "clean");
                    sigma = new JSpinner(new SpinnerNumberModel(clamp(d.noiseSigma() > 0 ? d.noiseSigma() : SIGMA_WHEN_CHOSEN, 0, 2), 0.0, 2.0, 0.01));
                    epochs = new JSpinner(new SpinnerNumberModel(clamp(c.epochs(), 1, 10_000), 1, 10_000, 1));
                },
                () -> {
                    batch = new JSpinner(new SpinnerNumberModel(clamp(c.batchSize(), 1, 4096), 1, 4096, 16));
                    learningRate = new JSpinner(new SpinnerNumberModel(clamp(c.learningRate(), 1e-8, 1), 1e-8, 1.0, 0.0005));
                },
                () -> {
                    seed = new JSpinner(new SpinnerNumberModel((int) clamp(c.seed(), 0, Integer.MAX_VALUE), 0, Integer.MAX_VALUE, 1));
                    int images = defaults.trainLimit() == 0 ? MNIST_TRAINING_IMAGES : defaults.trainLimit();
                    limit = new JSpinner(new SpinnerNumberModel(clamp(images, 1, MNIST_TRAINING_IMAGES), 1, MNIST_TRAINING_IMAGES, 1000));
                },
                () -> {
                    augment = new JCheckBox(augmentationLabel(c.augmentation()));
                    augment.setSelected(!c.augmentation().withStyle(digitloop.data.HandwritingStyle.NONE).isNone());
                    // A short text: the form column is 420 px wide, and a long one squeezed every label of the form.
                    handwriting = new JCheckBox("on");
                    handwriting.setToolTipText("Slant, width, elastic wobble, stroke width, blur and fade, drawn at random per image");
                    handwriting.setSelected(!c.augmentation().style().isNone());
                    applied = new JComboBox<>(new String[] {"on the fly", "grown once ×1", "grown once ×2", "grown once ×4"});
                    applied.setToolTipText("On the fly: each image changed anew every epoch. Grown once: the training set gets 1, 2 or 4 "
                            + "changed copies of each image before training, which then train unchanged (more memory, the same every epoch)");
                    int copies = c.augmentation().copies();
                    int choice = 0;
                    for (int k = 0; k < COPIES.length; k++) if (COPIES[k] <= copies) choice = k;
                    applied.setSelectedIndex(choice);
                    nonDigits = new JSpinner(new SpinnerNumberModel(clamp(c.nonDigitShare(), 0, 1), 0.0, 1.0, 0.05));
                },
                this::wireAndLayOut);
        if (turns == null) {
            steps.forEach(Runnable::run);
        } else {
            turns.addAll(steps);
        }
    }

    /** MNIST's training images; the spinner at its top means "all" (a limit of 0). */
    static final int MNIST_TRAINING_IMAGES = 60_000;
    /** What the σ spinner shows until noise is chosen; no training default (clean input is). */
    private static final double SIGMA_WHEN_CHOSEN = 0.3;

    private static String modelName(ArchitectureSpec spec) {
        return spec instanceof MlpSpec ? "MLP" : spec instanceof LeNetSpec ? "LeNet" : "CNN";
    }

    private static String layersText(ArchitectureSpec spec) {
        List<Integer> sizes = spec instanceof CnnSpec cnn ? cnn.channels() : spec instanceof MlpSpec mlp ? mlp.hidden() : List.of(20, 50);
        return sizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static String augmentationLabel(Augmentation a) {
        return a.isNone() || a.equals(Augmentation.STANDARD) ? "shifts ±2 px, rotations ±10°" : a.describe();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private void wireAndLayOut() {
        model.setName("trainModel");
        epochs.setName("trainEpochs");
        limit.setName("trainLimit");
        input.setName("trainInput");
        nonDigits.setName("trainNonDigits");
        // Why a user would want it is not obvious from the name: say what it buys on the canvas.
        nonDigits.setToolTipText("Share of each batch filled with drawn non-digits (scribbles, shapes) with no right answer;"
                + " teaches the model to say \"not sure\" on the Draw tab. 0.15 is what the default CNN used.");
        ((JSpinner.NumberEditor) learningRate.getEditor()).getFormat().applyPattern("0.#####");
        model.addActionListener(e -> {
            String chosen = (String) model.getSelectedItem();
            ArchitectureSpec shape = chosen.equals(modelName(defaults.architecture())) ? defaults.architecture()
                    : switch (chosen) {
                        case "MLP" -> MlpSpec.DEFAULT;
                        case "LeNet" -> LeNetSpec.DEFAULT;
                        default -> CnnSpec.DEFAULT;
                    };
            layers.setText(layersText(shape));
            dropout.setValue(shape.dropout());
            layers.setEnabled(!"LeNet".equals(model.getSelectedItem()));
        });
        input.addActionListener(e -> sigma.setEnabled("Gaussian noise".equals(input.getSelectedItem())));
        sigma.setEnabled("Gaussian noise".equals(input.getSelectedItem()));
        layers.setEnabled(!"LeNet".equals(model.getSelectedItem()));
        int row = 0;
        row = add(row, "Model", model);
        row = add(row, "Layers (channels or units)", layers);
        row = add(row, "Dropout", dropout);
        row = add(row, "Input", input);
        row = add(row, "Noise σ", sigma);
        row = add(row, "Epochs", epochs);
        row = add(row, "Batch", batch);
        row = add(row, "Learning rate (Adam)", learningRate);
        row = add(row, "Seed", seed);
        row = add(row, "Training images", limit);
        row = add(row, "Augmentation", augment);
        handwriting.setName("handwritingStyles");
        preview.setName("previewAugmentation");
        preview.setToolTipText("Training images as this augmentation changes them");
        JPanel styles = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        styles.add(handwriting);
        styles.add(javax.swing.Box.createHorizontalStrut(8));
        styles.add(preview);
        row = add(row, "Handwriting styles", styles);
        applied.setName("augmentationApplied");
        row = add(row, "Augmented images", applied);
        add(row, "Non-digits in each batch", nonDigits);
    }

    private int add(int row, String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.WEST;
        add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(field, c);
        return row + 1;
    }

    /** The request these settings describe; bad values raise IllegalArgumentException with a readable message. */
    TrainingRequest request(String name) {
        double drop = ((Number) dropout.getValue()).doubleValue();
        CnnSpec cnnShape = defaults.architecture() instanceof CnnSpec cnn ? cnn : CnnSpec.DEFAULT;
        MlpSpec mlpShape = defaults.architecture() instanceof MlpSpec mlp ? mlp : MlpSpec.DEFAULT;
        ArchitectureSpec spec = switch ((String) model.getSelectedItem()) {
            case "MLP" -> new MlpSpec(sizes(), mlpShape.activation(), drop);
            case "LeNet" -> new LeNetSpec(drop);
            default -> new CnnSpec(sizes(), cnnShape.kernel(), cnnShape.dense(), drop);
        };
        long noiseSeed = defaults.degradation().seed();
        Degradation degradation = switch ((String) input.getSelectedItem()) {
            case "Gaussian noise" -> new Degradation(((Number) sigma.getValue()).doubleValue(), false, noiseSeed);
            case "14x14" -> new Degradation(0, true, noiseSeed);
            default -> new Degradation(0, false, noiseSeed);
        };
        TrainingConfig d = defaults.config();
        Augmentation augmentation = augmentation();
        TrainingConfig config = new TrainingConfig((Integer) epochs.getValue(), (Integer) batch.getValue(),
                ((Number) learningRate.getValue()).doubleValue(), d.learningRateDecay(), ((Integer) seed.getValue()).longValue(),
                d.validationFraction(), d.patience(), augmentation)
                .withNonDigits(((Number) nonDigits.getValue()).doubleValue());
        int images = (Integer) limit.getValue();
        return new TrainingRequest(name, spec, degradation, config, images >= MNIST_TRAINING_IMAGES ? 0 : images);
    }

    /** The augmentation the two checkboxes ask for: the moves (a file's, or the standard ones) and the handwriting styles. */
    Augmentation augmentation() {
        Augmentation moves = defaults.config().augmentation().withStyle(digitloop.data.HandwritingStyle.NONE);
        Augmentation base = !augment.isSelected() ? Augmentation.NONE : moves.isNone() ? Augmentation.STANDARD : moves;
        return base.withStyle(handwriting.isSelected() ? digitloop.data.HandwritingStyle.ALL : digitloop.data.HandwritingStyle.NONE)
                .withCopies(COPIES[Math.max(0, applied.getSelectedIndex())]);
    }

    /** A short line for the run list: "MLP 512-256-128 · clean · 3,000 images · 1 epoch". */
    String describe() {
        int e = (Integer) epochs.getValue();
        String shape = "LeNet".equals(model.getSelectedItem()) ? "" : " " + layers.getText().trim().replace(",", "-").replace(" ", "");
        String in = "Gaussian noise".equals(input.getSelectedItem())
                ? String.format(java.util.Locale.ROOT, "noise σ=%.2f", ((Number) sigma.getValue()).doubleValue()) : (String) input.getSelectedItem();
        double share = ((Number) nonDigits.getValue()).doubleValue();
        String sketches = share > 0 ? String.format(java.util.Locale.ROOT, " · non-digits %.0f %%", share * 100) : "";
        return String.format(java.util.Locale.ROOT, "%s%s · %s · %,d images · %d epoch%s%s", model.getSelectedItem(), shape, in,
                (Integer) limit.getValue(), e, e == 1 ? "" : "s", sketches);
    }

    private List<Integer> sizes() {
        try {
            List<Integer> sizes = Arrays.stream(layers.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::parseInt).toList();
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) throw new NumberFormatException();
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Layers must be whole numbers separated by commas, like 32,64; got '" + layers.getText() + "'");
        }
    }
}
