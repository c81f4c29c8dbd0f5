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
    JSpinner nonDigits;

    /** Builds the whole form at once. */
    TrainSettingsForm() {
        this(null);
    }

    /**
     * With {@code turns} null the form is built at once; otherwise its build steps are appended to
     * {@code turns}, for the caller to run in order, and the form is usable once the last has run.
     */
    TrainSettingsForm(List<Runnable> turns) {
        super(new GridBagLayout());
        List<Runnable> steps = List.of(
                () -> {
                    model = new JComboBox<>(new String[] {"CNN", "MLP", "LeNet"});
                    layers = new JTextField("32,64,128", 10);
                    dropout = new JSpinner(new SpinnerNumberModel(0.4, 0.0, 0.9, 0.05));
                },
                () -> {
                    input = new JComboBox<>(new String[] {"clean", "Gaussian noise", "14x14"});
                    sigma = new JSpinner(new SpinnerNumberModel(0.3, 0.0, 2.0, 0.01));
                    epochs = new JSpinner(new SpinnerNumberModel(5, 1, 200, 1));
                },
                () -> {
                    batch = new JSpinner(new SpinnerNumberModel(64, 1, 4096, 16));
                    learningRate = new JSpinner(new SpinnerNumberModel(0.001, 0.00001, 1.0, 0.0005));
                },
                () -> {
                    seed = new JSpinner(new SpinnerNumberModel(1, 0, Integer.MAX_VALUE, 1));
                    limit = new JSpinner(new SpinnerNumberModel(60_000, 100, 60_000, 1000));
                },
                () -> {
                    augment = new JCheckBox("shifts ±2 px, rotations ±10°");
                    nonDigits = new JSpinner(new SpinnerNumberModel(0.0, 0.0, 0.5, 0.05));
                },
                this::wireAndLayOut);
        if (turns == null) {
            steps.forEach(Runnable::run);
        } else {
            turns.addAll(steps);
        }
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
            switch ((String) model.getSelectedItem()) {
                case "MLP" -> { layers.setText("512,256,128"); dropout.setValue(0.3); }
                case "LeNet" -> { layers.setText("20,50"); dropout.setValue(0.0); }
                default -> { layers.setText("32,64,128"); dropout.setValue(0.4); }
            }
            layers.setEnabled(!"LeNet".equals(model.getSelectedItem()));
        });
        input.addActionListener(e -> sigma.setEnabled("Gaussian noise".equals(input.getSelectedItem())));
        sigma.setEnabled(false);
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
        ArchitectureSpec spec = switch ((String) model.getSelectedItem()) {
            case "MLP" -> new MlpSpec(sizes(), "relu", drop);
            case "LeNet" -> new LeNetSpec(drop);
            default -> new CnnSpec(sizes(), 3, 256, drop);
        };
        Degradation degradation = switch ((String) input.getSelectedItem()) {
            case "Gaussian noise" -> Degradation.noise(((Number) sigma.getValue()).doubleValue());
            case "14x14" -> Degradation.downsampled();
            default -> Degradation.NONE;
        };
        TrainingConfig config = new TrainingConfig((Integer) epochs.getValue(), (Integer) batch.getValue(),
                ((Number) learningRate.getValue()).doubleValue(), 0.8, ((Integer) seed.getValue()).longValue(), 0.1, 0,
                augment.isSelected() ? Augmentation.STANDARD : Augmentation.NONE)
                .withNonDigits(((Number) nonDigits.getValue()).doubleValue());
        return new TrainingRequest(name, spec, degradation, config, (Integer) limit.getValue());
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
