package digitloop.model;

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
 */
public record ModelMetadata(int formatVersion, String name, ArchitectureSpec architecture, Degradation degradation,
                            int inputSide, TrainingSettings training, List<EpochMetrics> history,
                            EvaluationReport test, double trustedThreshold, double energyThreshold,
                            String trainingDataMd5, Map<String, String> versions, String createdAt) {
    /** Bumped when a field changes meaning; older readers refuse newer files. */
    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        history = history == null ? List.of() : List.copyOf(history);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }

    public ModelMetadata withTest(EvaluationReport report) {
        return new ModelMetadata(formatVersion, name, architecture, degradation, inputSide, training, history,
                report, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt);
    }

    public ModelMetadata withName(String newName) {
        return new ModelMetadata(formatVersion, newName, architecture, degradation, inputSide, training, history,
                test, trustedThreshold, energyThreshold, trainingDataMd5, versions, createdAt);
    }
}
