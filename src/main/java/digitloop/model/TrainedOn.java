package digitloop.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * Which training images a model learned from, recorded in its sidecar so a review pool can leave
 * them out: a pool image the model trained on teaches it nothing and makes it forget when it is
 * fine-tuned on alone (docs/architecture.md, "Human in the loop").
 *
 * @param kind               how the training images were split
 * @param images             {@link Kind#HOLDOUT}: how many of the first training images the split was drawn
 *                           from (the rest were never seen); {@link Kind#SMALL_START}: all training images
 * @param validationFraction {@link Kind#HOLDOUT}: the share held out for validation
 * @param splitSeed          seed of the split
 * @param startLabels        {@link Kind#SMALL_START}: size of the balanced labelled start set
 * @param validation         {@link Kind#SMALL_START}: size of the validation set
 * @param humanIds           training-image ids a person (or an oracle) labelled and the model then trained on
 */
public record TrainedOn(Kind kind, int images, double validationFraction, long splitSeed, int startLabels, int validation,
                        List<Integer> humanIds) {
    public enum Kind {
        /** {@code digitloop.data.Splits.trainValidation} of the first {@code images}: trained on all but validation. */
        HOLDOUT,
        /** {@code digitloop.hitl.PoolSplit.balanced}: trained on a small labelled start; the rest is the review pool. */
        SMALL_START
    }

    @JsonCreator
    public TrainedOn {
        humanIds = humanIds == null ? List.of() : List.copyOf(humanIds);
    }

    public static TrainedOn holdout(int images, double validationFraction, long splitSeed) {
        return new TrainedOn(Kind.HOLDOUT, images, validationFraction, splitSeed, 0, 0, List.of());
    }

    public static TrainedOn smallStart(int images, int startLabels, int validation, long splitSeed) {
        return new TrainedOn(Kind.SMALL_START, images, 0, splitSeed, startLabels, validation, List.of());
    }

    /** The same split, with {@code ids} labelled by a person added to what the model trained on. */
    public TrainedOn plusHuman(java.util.Collection<Integer> ids) {
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>(humanIds);
        all.addAll(ids);
        return new TrainedOn(kind, images, validationFraction, splitSeed, startLabels, validation, List.copyOf(all));
    }

    /**
     * What an older sidecar implies: a model from {@code train} (the CLI or the Train tab) split the first
     * {@code trainSize + validationSize} images with its split seed. Null when the settings do not say.
     */
    public static TrainedOn inferredFrom(TrainingSettings t) {
        if (t == null || t.validationFraction() <= 0 || t.validationSize() <= 0) return null;
        return holdout(t.trainSize() + t.validationSize(), t.validationFraction(), t.validationSplitSeed());
    }
}
