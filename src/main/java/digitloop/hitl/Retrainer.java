package digitloop.hitl;

import digitloop.data.Degradation;
import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.task.CancellationToken;
import digitloop.train.Trainer;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Retrains on the labelled set plus everything answered, by fine-tuning or from scratch. */
public final class Retrainer {
    public enum Mode { FINE_TUNE, FROM_SCRATCH }

    private Retrainer() {
    }

    /**
     * Labelled ∪ answered pool samples (with the answers as labels) ∪ taught drawings (degraded the
     * way the model expects). Refuses any sample whose id is in {@code testIds}.
     */
    public static Digits trainingSet(PoolSplit split, Map<Integer, Integer> answers, List<LabelEvent> drawings,
                                     Degradation degradation, Set<Integer> testIds) {
        Digits set = split.labeled().concat(humanSet(split.pool(), answers, drawings, degradation, split.labeled().side()));
        requireNoTestSamples(set, testIds);
        return set;
    }

    /** The answered pool samples (with the answers as labels) and the taught drawings, degraded the way the model expects. */
    static Digits humanSet(Pool pool, Map<Integer, Integer> answers, List<LabelEvent> drawings, Degradation degradation, int side) {
        List<Integer> indices = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Map.Entry<Integer, Integer> a : answers.entrySet()) {
            int index = pool.indexOf(a.getKey());
            if (index < 0) continue;
            indices.add(index);
            labels.add(a.getValue());
        }
        Digits set = pool.images().subset(PoolSplit.toArray(indices)).withLabels(PoolSplit.toArray(labels));
        if (!drawings.isEmpty()) {
            float[] pixels = new float[drawings.size() * side * side];
            int[] drawingLabels = new int[drawings.size()];
            int[] ids = new int[drawings.size()];
            for (int i = 0; i < drawings.size(); i++) {
                LabelEvent d = drawings.get(i);
                float[] degraded = degradation.apply(d.pixels(), 28, d.sampleId());
                System.arraycopy(degraded, 0, pixels, i * side * side, side * side);
                drawingLabels[i] = d.label();
                ids[i] = d.sampleId();
            }
            set = set.concat(Digits.of(pixels, side, drawingLabels, ids));
        }
        return set;
    }

    static void requireNoTestSamples(Digits set, Set<Integer> testIds) {
        for (int i = 0; i < set.size(); i++) {
            if (testIds.contains(set.id(i))) {
                throw new IllegalStateException("sample " + set.id(i) + " belongs to the test set and must never be trained on");
            }
        }
    }

    public static Set<Integer> idsOf(Digits digits) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < digits.size(); i++) ids.add(digits.id(i));
        return ids;
    }

    public static TrainingResult retrain(LoadedModel current, Digits trainingSet, Digits validation, int humanLabels, Mode mode,
                                         TrainingConfig config, TrainingListener listener, CancellationToken cancel) {
        Trainer trainer = new Trainer(config).named(current.metadata().name()).withHumanLabels(humanLabels);
        return mode == Mode.FINE_TUNE
                ? trainer.fineTune(current, trainingSet, validation, listener, cancel)
                : trainer.train(current.metadata().architecture(), current.metadata().degradation(), trainingSet, validation,
                        listener, cancel);
    }
}
