package digitloop.ui;

import digitloop.model.EpochMetrics;
import digitloop.train.TrainingPipeline;
import java.util.Locale;
import org.jfree.data.xy.XYSeries;

/** One training run of the Train tab: its curves (for the charts and overlays) and, once done, its model. */
final class TrainingRun {
    final String name;
    final String description;
    final XYSeries trainAccuracy;
    final XYSeries validationAccuracy;
    final XYSeries trainLoss;
    final XYSeries validationLoss;
    /** Loss per mini-batch, x in epochs (batch 32 of 64 in epoch 2 is x = 1.5). */
    final XYSeries iterationLoss;
    TrainingPipeline.Outcome outcome;
    boolean failed;
    /** Where the run's model was saved; null while it is only in memory. */
    java.nio.file.Path savedTo;

    TrainingRun(String name, String description) {
        this.name = name;
        this.description = description;
        trainAccuracy = new XYSeries(name + " train");
        validationAccuracy = new XYSeries(name + " validation");
        trainLoss = new XYSeries(name + " train loss / epoch");
        validationLoss = new XYSeries(name + " validation loss / epoch");
        iterationLoss = new XYSeries(name + " loss / batch");
    }

    /** On the EDT. */
    void addEpoch(EpochMetrics m) {
        trainAccuracy.add(m.epoch(), m.trainAccuracy());
        validationAccuracy.add(m.epoch(), m.validationAccuracy());
        trainLoss.add(m.epoch(), m.trainLoss());
        validationLoss.add(m.epoch(), m.validationLoss());
    }

    boolean running() { return outcome == null && !failed; }

    boolean hasModel() { return outcome != null && outcome.model() != null; }

    /** A finished model that exists only in memory: quitting would lose it. */
    boolean unsaved() { return hasModel() && savedTo == null; }

    @Override
    public String toString() {
        if (failed) return name + " · " + description + " · failed";
        if (outcome == null) return name + " · " + description + " · running";
        if (outcome.test() == null) return name + " · " + description + " · " + outcome.result().message();
        return String.format(Locale.ROOT, "%s · %s · test %.2f %%", name, description, outcome.test().accuracy() * 100);
    }
}
