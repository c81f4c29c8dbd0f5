package digitloop.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import digitloop.data.Degradation;
import java.util.List;
import java.util.Map;

/**
 * The JSON sidecar of a model file: how the model was made and how well it did. Read with the
 * network so a model can say what input it expects and how far to trust it.
 *
 * @param trustedThreshold lowest max-probability at which validation answers were ≥ 99.9 % right
 * @param energyThreshold  highest free energy (−logsumexp of the logits) seen on 99.5 % of validation
 *                         digits; inputs above it are unlike any digit and read "not sure"
 * @param averageOf        for a model whose weights are the average of others (a "model soup" of
 *                         fine-tunes of one model), their names; {@code training} and {@code history}
 *                         are then the first one's; null for a trained model
 * @param trainedOn        which training images the model learned from; null in files written before it was
 *                         recorded ({@link #trainedOnOrInferred()} then reads it from {@code training})
 * @param settings         every setting {@code train} resolved (command line, configuration files, defaults) and
 *                         where each came from, so the run can be repeated; null for models made otherwise
 */
public record ModelMetadata(int formatVersion, String name, ArchitectureSpec architecture, Degradation degradation,
                            int inputSide, TrainingSettings training, List<EpochMetrics> history,
                            EvaluationReport test, double trustedThreshold, double energyThreshold,
                            String trainingDataMd5, Map<String, String> versions, String createdAt, List<String> averageOf,
                            TrainedOn trainedOn, RunSettings settings) {
    /** Bumped when a field changes meaning; older readers refuse newer files. */
    public static final int FORMAT_VERSION = 1;

    @JsonCreator
    public ModelMetadata {
        history = history == null ? List.of() : List.copyOf(history);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        averageOf = averageOf == null ? null : List.copyOf(averageOf);
    }

    public ModelMetadata(int formatVersion, String name, ArchitectureSpec architecture, Degradation degradation,
                         int inputSide, TrainingSettings training, List<EpochMetrics> history,
                         EvaluationReport test, double trustedThreshold, double energyThreshold,
                         String trainingDataMd5, Map<String, String> versions, String createdAt) {
        this(formatVersion, name, architecture, degradation, inputSide, training, history, test, trustedThreshold,
                energyThreshold, trainingDataMd5, versions, createdAt, null, null, null);
    }

    public ModelMetadata(int formatVersion, String name, ArchitectureSpec architecture, Degradation degradation,
                         int inputSide, TrainingSettings training, List<EpochMetrics> history,
                         EvaluationReport test, double trustedThreshold, double energyThreshold,
                         String trainingDataMd5, Map<String, String> versions, String createdAt, List<String> averageOf,
                         TrainedOn trainedOn) {
        this(formatVersion, name, architecture, degradation, inputSide, training, history, test, trustedThreshold,
                energyThreshold, trainingDataMd5, versions, createdAt, averageOf, trainedOn, null);
    }

    public ModelMetadata withSettings(RunSettings s) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, training, history,
                test, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt, averageOf, trainedOn, s);
    }

    /** What the model trained on, from the sidecar or, for an older file, from its training settings; null if unknown. */
    public TrainedOn trainedOnOrInferred() {
        return trainedOn != null ? trainedOn : TrainedOn.inferredFrom(training);
    }

    public ModelMetadata withTrainedOn(TrainedOn t) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, training, history,
                test, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt, averageOf, t, settings);
    }

    public ModelMetadata withThresholds(double trusted, double energy) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, training, history,
                test, trusted, energy, trainingDataMd5, versions, createdAt, averageOf, trainedOn, settings);
    }

    public ModelMetadata withTest(EvaluationReport report) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, training, history,
                report, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt, averageOf, trainedOn, settings);
    }

    public ModelMetadata withTraining(TrainingSettings t) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, t, history,
                test, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt, averageOf, trainedOn, settings);
    }

    /** This model as the average of {@code ingredients}, with thresholds measured anew. */
    public ModelMetadata asAverageOf(String newName, List<String> ingredients, double trusted, double energy, String date) {
        return new ModelMetadata(formatVersion, newName, architecture, degradation, inputSide, training, history,
                null, trusted, energy, trainingDataMd5, versions, date, ingredients, trainedOn, null);
    }

    public ModelMetadata withName(String newName) {
        return new ModelMetadata(formatVersion, newName, architecture, degradation, inputSide, training, history,
                test, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt, averageOf, trainedOn, settings);
    }
}
